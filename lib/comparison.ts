/** The side-by-side comparison: its aspects (rows), the marks on a row, and its inputs. */
import { z } from "zod";
import { zText } from "./fields";

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

export const zAspect = z.enum(COMPARISON_ASPECTS, "That row of the comparison does not exist.");

export const zRowMark = z.enum(ROW_MARKS, "Choose agree, differ or not sure yet.");

export const zClarifyingKey = z.enum(CLARIFYING_QUESTION_KEYS, "Choose one of the suggested questions.");

export const ZCellFields = z.object({ text: zText(5000) });

export type TCellFields = z.input<typeof ZCellFields>;
