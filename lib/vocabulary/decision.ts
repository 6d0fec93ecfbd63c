/** The decision vocabulary the browser loads at once, without zod; `lib/decision.ts` (the contract) re-exports it. */

export const DECISION_PATHS = [
  "continue_first",
  "continue_first_adjusted",
  "switch_to_second",
  "combination",
  "further_opinion",
  "wait_and_monitor",
  "still_deciding",
] as const;

export type DecisionPath = (typeof DECISION_PATHS)[number];
