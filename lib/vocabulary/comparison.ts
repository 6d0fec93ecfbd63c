/**
 * The comparison vocabulary the browser loads at once, without zod; `lib/comparison.ts` (the contract) re-exports it.
 * Its words are in the catalogue: `comparison.aspect.<aspect>`, `comparison.mark.<mark>`.
 */
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

export const ROW_MARKS = ["agree", "differ", "unsure"] as const;

export type RowMark = (typeof ROW_MARKS)[number];

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
