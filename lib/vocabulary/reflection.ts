/** The reflection vocabulary the browser loads at once, without zod; `lib/reflection.ts` (the contract) re-exports it. */

/**
 * Vocabulary of the decide section: the reflection each member writes and the decision the owner
 * records, from the guide's "Making a Decision". Informational only: no scores, no verdicts.
 */

export const REFLECTION_VALUES = ["length_of_life", "quality_of_life", "function", "independence", "avoid_side_effects", "other"] as const;

export type ReflectionValue = (typeof REFLECTION_VALUES)[number];

export const REFLECTION_VALUE_LABELS: Record<ReflectionValue, string> = {
  length_of_life: "Length of life",
  quality_of_life: "Quality of life",
  function: "Being able to do what I do now",
  independence: "Staying independent",
  avoid_side_effects: "Avoiding particular side effects",
  other: "Something else",
};

/** 1 = act early and decisively … 5 = go step by step. */
export const RISK_COMFORT_SCALE = [1, 2, 3, 4, 5] as const;

export const RISK_COMFORT_ENDS = { low: "Act early", high: "Step by step" } as const;

/** The readiness check; each "no" points to a next step, never to a score. */
export const READINESS_CHECKS = [
  { key: "feelSure", text: "I feel sure about the best choice for me.", nextStep: "questions" },
  { key: "knowBenefitsRisks", text: "I know the benefits and risks of each option.", nextStep: "questions" },
  { key: "clearOnPriorities", text: "I am clear which benefits and risks matter most to me.", nextStep: "values" },
  { key: "enoughSupport", text: "I have enough support and advice to make a choice.", nextStep: "support" },
] as const;

/** The understanding check from the guide. */
export const UNDERSTANDING_CHECKS = [
  { key: "canSayWhat", text: "I can say what is being recommended.", nextStep: "questions" },
  { key: "canSayWhy", text: "I can say why it is being recommended.", nextStep: "questions" },
  { key: "canSayAlternatives", text: "I can say what other paths exist.", nextStep: "questions" },
] as const;

export type CheckKey = (typeof READINESS_CHECKS)[number]["key"] | (typeof UNDERSTANDING_CHECKS)[number]["key"];

/** Both checks, in the order the form asks them. */
export const REFLECTION_CHECKS: readonly { key: CheckKey; text: string; nextStep: "questions" | "values" | "support" }[] = [
  ...READINESS_CHECKS,
  ...UNDERSTANDING_CHECKS,
];

export const NEXT_STEPS = {
  questions: "Add the questions you still have for a clinician to the question list.",
  values: "Go back to “what matters most” in your reflection, and talk it over.",
  support: "Invite someone you trust to the case, or talk it through with your support person.",
} as const;
