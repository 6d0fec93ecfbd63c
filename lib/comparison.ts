/** The side-by-side comparison: its aspects (rows), the marks on a row, its inputs and views. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { ZOpinionView } from "./opinion";
import { COMPARISON_ASPECTS, ROW_MARKS, CLARIFYING_QUESTION_KEYS } from "./vocabulary/comparison";
export * from "./vocabulary/comparison";

export const zAspect = z.enum(COMPARISON_ASPECTS, messageRef("comparison.validation.aspect"));

export const zRowMark = z.enum(ROW_MARKS, messageRef("comparison.validation.mark"));

export const zClarifyingKey = z.enum(CLARIFYING_QUESTION_KEYS, messageRef("comparison.validation.clarifying"));

/** "Ask about this row": a clarifying question for one opinion's visit, once per submission. */
export const ZClarifyingQuestionCreate = z.object({ aspect: zAspect, bankKey: zClarifyingKey, opinionId: z.uuid(), ...ZSubmission });

export const ZCellFields = z.object({ text: zText(5000) });

export type TCellFields = z.input<typeof ZCellFields>;

/** One written entry of the grid (what one opinion said on one aspect), as members see it. */
export const ZComparisonCellView = z.object({
  opinionId: z.uuid(),
  aspect: z.enum(COMPARISON_ASPECTS),
  text: z.string(),
  version: zInt4(),
  updatedByName: z.string().nullable(),
  updatedAt: z.date(),
});

export type ComparisonCellView = z.infer<typeof ZComparisonCellView>;

/**
 * A cell as it is now, as a refused save's CONFLICT carries it. A cell nobody has written has no row:
 * it is empty at version 0, with no author and no time (`unwrittenCell`).
 */
export const ZComparisonCellCurrent = ZComparisonCellView.extend({ updatedAt: z.date().nullable() });

export type ComparisonCellCurrent = z.infer<typeof ZComparisonCellCurrent>;

/** The mark on one row of the grid, and who set it. */
export const ZComparisonRowView = z.object({
  aspect: z.enum(COMPARISON_ASPECTS),
  mark: z.enum(ROW_MARKS).nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.date(),
});

export type ComparisonRowView = z.infer<typeof ZComparisonRowView>;

/** A column of the grid: one opinion, by name. */
export const ZComparisonColumnView = ZOpinionView.pick({ id: true, label: true, clinician: true });

export type ComparisonColumnView = z.infer<typeof ZComparisonColumnView>;

/** The whole grid: its columns (the opinions), the written cells, the row marks and what the marks add up to. */
export const ZComparisonGridView = z.object({
  opinions: z.array(ZComparisonColumnView),
  cells: z.array(ZComparisonCellView),
  rows: z.array(ZComparisonRowView),
  summary: z.object({ agree: zInt4(), differ: zInt4(), unsure: zInt4(), unmarked: zInt4() }),
});

export type ComparisonGridView = z.infer<typeof ZComparisonGridView>;
