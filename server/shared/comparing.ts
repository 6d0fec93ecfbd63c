/**
 * Vocabulary of the comparing sections (opinions, the comparison grid), drawn from the patient guide
 * and written in the app's own words. Informational only: nothing here ranks or recommends.
 */

export const OPINION_KINDS = ["same_specialty", "subspecialist", "multidisciplinary", "telehealth"] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

export const OPINION_KIND_LABELS: Record<OpinionKind, { name: string; explanation: string }> = {
  same_specialty: {
    name: "Same specialty, different clinician",
    explanation:
      "Another doctor in the same field. Often helpful when the condition is complex or rare, when approaches vary within the specialty, or when you want a detailed comparison of options.",
  },
  subspecialist: {
    name: "Subspecialist or centre of expertise",
    explanation:
      "A clinician or clinic focused on one kind of condition. They see many similar cases and may offer tests or treatments that are less widely available.",
  },
  multidisciplinary: {
    name: "Multidisciplinary team",
    explanation:
      "Several professionals (for example surgeons, physicians and therapists) review the case together. Useful when a plan could combine surgery, medication and rehabilitation.",
  },
  telehealth: {
    name: "Telehealth or remote review",
    explanation:
      "A virtual visit or a review of your records from afar. Saves travel, but not every condition can be judged without an examination or special tests.",
  },
};

export const OPINION_STATUSES = ["considering", "scheduled", "completed"] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  considering: "Considering",
  scheduled: "Scheduled",
  completed: "Completed",
};

/** Yes / no / not known yet, for the insurance and logistics questions. */
export const TRI_STATES = ["yes", "no", "unknown"] as const;
export type TriState = (typeof TRI_STATES)[number];
export const TRI_STATE_LABELS: Record<TriState, string> = { yes: "Yes", no: "No", unknown: "Not known yet" };

/** The rows of the comparison grid, in the guide's order. */
export const COMPARISON_ASPECTS = [
  "diagnosis",
  "main_plan",
  "other_options",
  "benefits",
  "risks",
  "urgency",
  "follow_up",
  "fit_with_priorities",
] as const;
export type ComparisonAspect = (typeof COMPARISON_ASPECTS)[number];
export const COMPARISON_ASPECT_LABELS: Record<ComparisonAspect, string> = {
  diagnosis: "Diagnosis (if different)",
  main_plan: "Main treatment plan",
  other_options: "Other options mentioned",
  benefits: "Benefits emphasised",
  risks: "Risks and downsides emphasised",
  urgency: "Time sensitivity and urgency",
  follow_up: "Follow-up or monitoring plan",
  fit_with_priorities: "How it fits our priorities",
};

export const ROW_MARKS = ["agree", "differ", "unsure"] as const;
export type RowMark = (typeof ROW_MARKS)[number];
export const ROW_MARK_LABELS: Record<RowMark, string> = {
  agree: "They agree",
  differ: "They differ",
  unsure: "Not sure yet",
};

/** The guide's clarifying questions, offered from every row of the grid (keys of the question bank). */
export const CLARIFYING_QUESTION_KEYS = ["options-why", "urgency-wait", "personal-factors", "family-member"] as const;
