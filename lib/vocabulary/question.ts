/** The question vocabulary the browser loads at once, without zod; `lib/question.ts` (the contract) re-exports it. */

/** Questions a person can add with one click. Keys are stable; the text is what gets added. */
export const QUESTION_BANK = [
  { key: "diagnosis-confirm", topic: "Diagnosis", text: "Do you agree with the diagnosis I was given? If not, what do you think is going on?" },
  { key: "diagnosis-other", topic: "Diagnosis", text: "Are there other conditions that could explain my symptoms, and how could we tell them apart?" },
  { key: "diagnosis-tests", topic: "Diagnosis", text: "Would any further tests or imaging change how you see my situation?" },
  { key: "options-all", topic: "Options", text: "What are all the treatment options for me, including watching and waiting?" },
  { key: "options-why", topic: "Options", text: "Why do you prefer this option over the others?" },
  { key: "options-benefits-risks", topic: "Options", text: "What are the likely benefits and the main risks or side effects of each option?" },
  { key: "urgency-how-soon", topic: "Timing", text: "How soon does a decision need to be made? Is there time to think it over?" },
  { key: "urgency-wait", topic: "Timing", text: "What could happen if we do nothing for now, or wait before starting treatment?" },
  { key: "personal-factors", topic: "You", text: "How do my age, my overall health and the way I live affect what you would suggest?" },
  { key: "personal-priorities", topic: "You", text: "How would each option affect the things that matter most to me day to day?" },
  { key: "family-member", topic: "You", text: "If I were a member of your family, what questions would you encourage me to ask?" },
  { key: "follow-up", topic: "After", text: "What follow-up or monitoring would each option need, and who would do it?" },
  { key: "recovery", topic: "After", text: "What does recovery usually look like, and how long before daily life returns to normal?" },
  { key: "next-steps", topic: "After", text: "What should my next step be after today's visit?" },
] as const;

export type QuestionBankKey = (typeof QUESTION_BANK)[number]["key"];

export const QUESTION_BANK_KEYS = QUESTION_BANK.map((q) => q.key) as [QuestionBankKey, ...QuestionBankKey[]];

/** The app encourages this many priority questions. */
export const PRIORITY_QUESTIONS_MIN = 3;

export const PRIORITY_QUESTIONS_MAX = 5;
