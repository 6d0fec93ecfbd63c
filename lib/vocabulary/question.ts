/** The question vocabulary the browser loads at once, without zod; `lib/question.ts` (the contract) re-exports it. */

/**
 * Questions a person can add with one click, grouped by topic. Keys are stable; the words of each
 * question and topic are in the catalogue (questions.bank.<key>, questions.topics.<topic>), and the
 * question is added in the words of the person who adds it (it becomes their own text).
 */
export const QUESTION_BANK = [
  { key: "diagnosis-confirm", topic: "diagnosis" },
  { key: "diagnosis-other", topic: "diagnosis" },
  { key: "diagnosis-tests", topic: "diagnosis" },
  { key: "options-all", topic: "options" },
  { key: "options-why", topic: "options" },
  { key: "options-benefits-risks", topic: "options" },
  { key: "urgency-how-soon", topic: "timing" },
  { key: "urgency-wait", topic: "timing" },
  { key: "personal-factors", topic: "you" },
  { key: "personal-priorities", topic: "you" },
  { key: "family-member", topic: "you" },
  { key: "follow-up", topic: "after" },
  { key: "recovery", topic: "after" },
  { key: "next-steps", topic: "after" },
] as const;

export type QuestionBankKey = (typeof QUESTION_BANK)[number]["key"];

export type QuestionBankTopic = (typeof QUESTION_BANK)[number]["topic"];

export const QUESTION_BANK_KEYS = QUESTION_BANK.map((q) => q.key) as [QuestionBankKey, ...QuestionBankKey[]];

/** The app encourages this many priority questions. */
export const PRIORITY_QUESTIONS_MIN = 3;

export const PRIORITY_QUESTIONS_MAX = 5;

/**
 * The question list's groups, in the order shown: the priority ones first, whatever their state; then
 * the rest by where they stand. Their titles are in the catalogue (questions.list.groups.<group>).
 */
export const QUESTION_GROUPS = ["priority", "not-asked", "asked", "answered"] as const;

export type QuestionGroup = (typeof QUESTION_GROUPS)[number];

/** The group a question is in now. The server's list filter (server/routers/question.ts) says the same in SQL. */
export function questionGroupOf(question: { pinned: boolean; answer: string | null; askedAt: Date | null }): QuestionGroup {
  if (question.pinned) return "priority";
  if (question.answer !== null) return "answered";
  return question.askedAt !== null ? "asked" : "not-asked";
}

/** A list no longer than this is sent and shown whole; a longer one starts with only its priority group open. */
export const SHORT_QUESTION_LIST = 10;
