/** The self check vocabulary the browser loads at once, without zod; `lib/self-check.ts` (the contract) re-exports it. */

/**
 * Vocabulary of the guided journey: the self-check ("is a second opinion worth exploring?"), the
 * four-phase checklist and the "talking to your doctor" guide. Drawn from the patient guide, written
 * in the app's own words: the keys are data here, the words are in the catalogue (selfCheck).
 * Informational only: nothing here tells anyone what to do about their care.
 */

// ── Self-check ───────────────────────────────────────────────────────────────────────────────────

/** The guide's six situations in which people often look for a second opinion (their words: selfCheck.situations.<key>). */
export const SELF_CHECK_SITUATIONS = [
  "serious_diagnosis",
  "major_procedure",
  "unclear_diagnosis",
  "priorities_conflict",
  "rushed_unheard",
  "need_more_information",
] as const;

export type SelfCheckSituation = (typeof SELF_CHECK_SITUATIONS)[number];

/** The guide's timing cautions: situations in which care comes first and a second opinion later (selfCheck.cautions.<key>). */
export const TIMING_CAUTIONS = ["emergency", "delay_care"] as const;

export type TimingCaution = (typeof TIMING_CAUTIONS)[number];

/**
 * Whether to show the safety message (seek care now) for these answers. Any timing caution shows
 * it; the situations never do. The self-check form and the server use this same rule.
 */
export function needsSafetyMessage(cautions: readonly TimingCaution[]): boolean {
  return cautions.includes("emergency") || cautions.includes("delay_care");
}

/** One sentence of the self-check's summary: its catalogue key (selfCheck.summary.<key>) and its values. */
export type SelfCheckSummaryLine =
  | { key: "timingMatters" }
  | { key: "noneTicked" }
  | { key: "ticked"; values: { count: number } }
  | { key: "yourChoice" };

/**
 * The informational summary of the answers, in plain sentences (their words are in the catalogue).
 * Never a verdict and never "you should": it reflects back what was ticked and what people in that
 * position often do, and always ends with the choice being the person's own, not medical advice.
 */
export function selfCheckSummary(situations: readonly SelfCheckSituation[], cautions: readonly TimingCaution[]): SelfCheckSummaryLine[] {
  const lines: SelfCheckSummaryLine[] = [];
  if (needsSafetyMessage(cautions)) lines.push({ key: "timingMatters" });
  lines.push(situations.length === 0 ? { key: "noneTicked" } : { key: "ticked", values: { count: situations.length } });
  lines.push({ key: "yourChoice" });
  return lines;
}
