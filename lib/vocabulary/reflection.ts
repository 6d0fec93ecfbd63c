/** The reflection vocabulary the browser loads at once, without zod; `lib/reflection.ts` (the contract) re-exports it. */

/**
 * Vocabulary of the decide section: the reflection each member writes and the decision the owner
 * records, from the guide's "Making a Decision". Informational only: no scores, no verdicts.
 * The words are in the catalogue (`decision.values.<value>`, `decision.checks.<key>`, `decision.nextSteps.<step>`).
 */

export const REFLECTION_VALUES = ["length_of_life", "quality_of_life", "function", "independence", "avoid_side_effects", "other"] as const;

export type ReflectionValue = (typeof REFLECTION_VALUES)[number];

/** 1 = act early and decisively … 5 = go step by step. */
export const RISK_COMFORT_SCALE = [1, 2, 3, 4, 5] as const;

export type NextStep = "questions" | "values" | "support";

/** The readiness check; each "no" points to a next step, never to a score. */
export const READINESS_CHECKS = [
  { key: "feelSure", nextStep: "questions" },
  { key: "knowBenefitsRisks", nextStep: "questions" },
  { key: "clearOnPriorities", nextStep: "values" },
  { key: "enoughSupport", nextStep: "support" },
] as const;

/** The understanding check from the guide. */
export const UNDERSTANDING_CHECKS = [
  { key: "canSayWhat", nextStep: "questions" },
  { key: "canSayWhy", nextStep: "questions" },
  { key: "canSayAlternatives", nextStep: "questions" },
] as const;

export type CheckKey = (typeof READINESS_CHECKS)[number]["key"] | (typeof UNDERSTANDING_CHECKS)[number]["key"];

/** Both checks, in the order the form asks them. */
export const REFLECTION_CHECKS: readonly { key: CheckKey; nextStep: NextStep }[] = [...READINESS_CHECKS, ...UNDERSTANDING_CHECKS];
