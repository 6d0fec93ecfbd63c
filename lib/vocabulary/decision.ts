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

/**
 * Each path's words are `decision.paths.<path>` in the catalogue. This English copy is left only for the
 * comparison PDF (server/pdf), which another change moves onto the catalogue: delete it then.
 */
export const DECISION_PATH_LABELS: Record<DecisionPath, string> = {
  continue_first: "Continue with the first plan",
  continue_first_adjusted: "Continue with the first plan, with adjustments from the second opinion",
  switch_to_second: "Continue care with the second clinician",
  combination: "A combination of the plans",
  further_opinion: "Seek a further opinion",
  wait_and_monitor: "Wait and monitor",
  still_deciding: "Still deciding",
};
