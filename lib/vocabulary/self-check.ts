/** The self check vocabulary the browser loads at once, without zod; `lib/self-check.ts` (the contract) re-exports it. */

/**
 * Vocabulary of the guided journey: the self-check ("is a second opinion worth exploring?"), the
 * four-phase checklist and the "talking to your doctor" guide. Drawn from the patient guide, written
 * in the app's own words, kept as data so pages and tests share it. Informational only: nothing here
 * tells anyone what to do about their care.
 */

// ── Self-check ───────────────────────────────────────────────────────────────────────────────────

/** The guide's six situations in which people often look for a second opinion. */
export const SELF_CHECK_SITUATIONS = [
  "serious_diagnosis",
  "major_procedure",
  "unclear_diagnosis",
  "priorities_conflict",
  "rushed_unheard",
  "need_more_information",
] as const;

export type SelfCheckSituation = (typeof SELF_CHECK_SITUATIONS)[number];

export const SELF_CHECK_SITUATION_LABELS: Record<SelfCheckSituation, { label: string; explanation: string }> = {
  serious_diagnosis: {
    label: "A serious, long-term or life-changing diagnosis",
    explanation: "For example a cancer, a heart or nerve condition, or anything that may mean years of treatment.",
  },
  major_procedure: {
    label: "A major operation or procedure has been suggested",
    explanation: "Especially one that is planned rather than urgent, or that would change the body for good.",
  },
  unclear_diagnosis: {
    label: "The diagnosis is unclear, or symptoms carry on despite treatment",
    explanation: "Test results were “inconclusive”, or things are not getting better. Complex conditions can take time to understand.",
  },
  priorities_conflict: {
    label: "The treatment does not sit well with what matters to me",
    explanation: "How strong it is, its side effects, or how it would affect daily life, work or family.",
  },
  rushed_unheard: {
    label: "I felt rushed, dismissed or not fully heard",
    explanation: "Concerns were not answered, there was no time for questions, or symptoms were brushed aside.",
  },
  need_more_information: {
    label: "I have a strong feeling I need more information",
    explanation: "A sense that something is not quite right, or that I am not ready to decide yet.",
  },
};

/** The guide's timing cautions: situations in which care comes first and a second opinion later. */
export const TIMING_CAUTIONS = ["emergency", "delay_care"] as const;

export type TimingCaution = (typeof TIMING_CAUTIONS)[number];

export const TIMING_CAUTION_LABELS: Record<TimingCaution, { label: string; explanation: string }> = {
  emergency: {
    label: "This is an emergency",
    explanation: "Something is happening now where waiting could cause serious harm.",
  },
  delay_care: {
    label: "Waiting for another opinion would delay care I need",
    explanation: "Arranging another visit could put off treatment that should not wait.",
  },
};

/**
 * Whether to show the safety message (seek care now) for these answers. Any timing caution shows
 * it; the situations never do. The self-check form and the server use this same rule.
 */
export function needsSafetyMessage(cautions: readonly TimingCaution[]): boolean {
  return cautions.includes("emergency") || cautions.includes("delay_care");
}

/**
 * The informational summary of the answers, in plain sentences. Never a verdict and never "you
 * should": it reflects back what was ticked and what people in that position often do.
 */
export function selfCheckSummary(situations: readonly SelfCheckSituation[], cautions: readonly TimingCaution[]): string[] {
  const lines: string[] = [];
  if (needsSafetyMessage(cautions)) {
    lines.push(
      "You said that timing matters here. Getting care now comes first; a second opinion can still help later, for example to look at a longer-term plan once things are stable.",
    );
  }
  if (situations.length === 0) {
    lines.push(
      "You have not ticked any of the situations. That is fine: many people still want another view, and you can come back to this at any time.",
    );
  } else {
    const count = situations.length === 1 ? "one of the situations" : `${situations.length} of the situations`;
    lines.push(
      `You ticked ${count} in which people often find a second opinion helpful. This is not a verdict: it only shows that exploring another view is a common, accepted step in moments like this.`,
    );
  }
  lines.push("Whatever you decide, it is your choice, made with your care team. SecondLook does not give medical advice.");
  return lines;
}
