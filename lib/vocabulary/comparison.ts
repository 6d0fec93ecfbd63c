/** The comparison vocabulary the browser loads at once, without zod; `lib/comparison.ts` (the contract) re-exports it. */
import type { ComparisonCellCurrent } from "../comparison";

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

export const unwrittenCell = (opinionId: string, aspect: ComparisonAspect): ComparisonCellCurrent => ({
  opinionId,
  aspect,
  text: "",
  version: 0,
  updatedByName: null,
  updatedAt: null,
});
