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
