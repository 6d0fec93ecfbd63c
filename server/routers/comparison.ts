/**
 * The comparison grid: rows are the guide's aspects, columns the opinions. Cells are versioned text
 * (a cell nobody has written yet has no row: its first save names version 0); each row carries a
 * mark — they agree, they differ, not sure yet — and the grid sums the marks up. Informational only.
 */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { comparisonCells, comparisonRows, opinions, questions, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { fieldError, notFound } from "@/server/errors";
import { staleVersion, updateVersioned } from "@/server/rows/versioned";
import {
  COMPARISON_ASPECTS,
  type ComparisonAspect,
  type RowMark,
  unwrittenCell,
  ZCellFields,
  ZComparisonCellCurrent,
  ZComparisonCellView,
  ZComparisonGridView,
  ZComparisonRowView,
  zAspect,
  ZClarifyingQuestionCreate,
  zRowMark,
} from "@/lib/comparison";
import { bankQuestionText } from "./question";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messageRef, words } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/server/i18n/translator";
import { caseProcedure, router } from "@/server/trpc";
import type { CaseContext } from "@/server/access";
import { nextPosition } from "@/server/rows/ordering";
import { alreadyCreated, createOnce } from "@/server/rows/create-once";
import { zVersionOrUnwritten } from "@/lib/fields";

function selectCells(db: Db) {
  return db
    .select({
      opinionId: comparisonCells.opinionId,
      aspect: comparisonCells.aspect,
      text: comparisonCells.text,
      version: comparisonCells.version,
      updatedByName: users.name,
      updatedAt: comparisonCells.updatedAt,
    })
    .from(comparisonCells)
    .leftJoin(users, eq(users.id, comparisonCells.updatedBy));
}

/** A cell is named by its opinion and aspect (the client never sees its id). */
const cellKey = (ctx: CaseContext, opinionId: string, aspect: ComparisonAspect) =>
  and(eq(comparisonCells.caseId, ctx.caseId), eq(comparisonCells.opinionId, opinionId), eq(comparisonCells.aspect, aspect));

async function findCell(db: Db, ctx: CaseContext, opinionId: string, aspect: ComparisonAspect) {
  const [row] = await selectCells(db).where(cellKey(ctx, opinionId, aspect));
  return row ?? null;
}

const OPINION_GONE = messageRef("opinions.errors.gone");

async function opinionLabel(db: Db, ctx: CaseContext, opinionId: string): Promise<string | null> {
  const [row] = await db.select({ label: opinions.label }).from(opinions).where(and(eq(opinions.id, opinionId), eq(opinions.caseId, ctx.caseId)));
  return row?.label ?? null;
}

export const comparisonRouter = router({
  /** The whole grid: its columns, the written cells, the row marks and what the marks add up to. */
  grid: caseProcedure("viewer")
    .output(ZComparisonGridView)
    .query(async ({ ctx }) => {
      const columns = await ctx.db
        .select({ id: opinions.id, label: opinions.label, clinician: opinions.clinician })
        .from(opinions)
        .where(eq(opinions.caseId, ctx.caseId))
        .orderBy(asc(opinions.position), asc(opinions.createdAt));
      const cells = await selectCells(ctx.db).where(eq(comparisonCells.caseId, ctx.caseId));
      const rows = await ctx.db
        .select({ aspect: comparisonRows.aspect, mark: comparisonRows.mark, updatedByName: users.name, updatedAt: comparisonRows.updatedAt })
        .from(comparisonRows)
        .leftJoin(users, eq(users.id, comparisonRows.updatedBy))
        .where(eq(comparisonRows.caseId, ctx.caseId));
      const marked = (mark: RowMark) => rows.filter((r) => r.mark === mark).length;
      return {
        opinions: columns,
        cells,
        rows,
        summary: {
          agree: marked("agree"),
          differ: marked("differ"),
          unsure: marked("unsure"),
          unmarked: COMPARISON_ASPECTS.length - rows.filter((r) => r.mark !== null).length,
        },
      };
    }),

  /** Saves one cell. `version` is the one the person edited (0 for a cell nobody had written). */
  saveCell: caseProcedure("supporter")
    .input(ZCellFields.extend({ opinionId: z.uuid(), aspect: zAspect, version: zVersionOrUnwritten() }))
    .output(ZComparisonCellView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const label = await opinionLabel(tx, ctx, input.opinionId);
        if (label === null) throw notFound(OPINION_GONE);
        // Re-read on a conflict: the winner has committed by now.
        const current = async () => (await findCell(tx, ctx, input.opinionId, input.aspect)) ?? unwrittenCell(input.opinionId, input.aspect);
        let cellId: string;
        if (input.version === 0) {
          // The first save creates the row; of two first saves at once, the second inserts nothing.
          const [inserted] = await tx
            .insert(comparisonCells)
            .values({ caseId: ctx.caseId, opinionId: input.opinionId, aspect: input.aspect, text: input.text, updatedBy: ctx.userId })
            .onConflictDoNothing()
            .returning({ id: comparisonCells.id });
          if (!inserted) throw staleVersion(ZComparisonCellCurrent, await current());
          cellId = inserted.id;
        } else {
          const [existing] = await tx.select({ id: comparisonCells.id }).from(comparisonCells).where(cellKey(ctx, input.opinionId, input.aspect));
          // A version of a cell that has no row: nobody has written it, whatever the client thought.
          if (!existing) throw staleVersion(ZComparisonCellCurrent, unwrittenCell(input.opinionId, input.aspect));
          const updated = await updateVersioned(
            tx,
            comparisonCells,
            { caseId: ctx.caseId, id: existing.id, version: input.version },
            { text: input.text, updatedBy: ctx.userId },
            { returning: { id: comparisonCells.id }, view: ZComparisonCellCurrent, current },
          );
          cellId = updated.id;
        }
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "comparison.cell_saved",
          entityType: "comparison",
          entityId: cellId,
          summary: messageRef("comparison.activity.cellFilled", { aspect: words(`comparison.aspect.${input.aspect}`), label }),
        });
        return (await findCell(tx, ctx, input.opinionId, input.aspect))!;
      }),
    ),

  /** Marks a row "they agree", "they differ" or "not sure yet" (null clears it). A flag: no version. */
  markRow: caseProcedure("supporter")
    .input(z.object({ aspect: zAspect, mark: zRowMark.nullable() }))
    .output(ZComparisonRowView.pick({ aspect: true, mark: true }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(comparisonRows)
          .values({ caseId: ctx.caseId, aspect: input.aspect, mark: input.mark, updatedBy: ctx.userId })
          .onConflictDoUpdate({
            target: [comparisonRows.caseId, comparisonRows.aspect],
            set: { mark: input.mark, updatedBy: ctx.userId, updatedAt: sql`now()` },
          })
          .returning({ id: comparisonRows.id, aspect: comparisonRows.aspect, mark: comparisonRows.mark });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "comparison.row_marked",
          entityType: "comparison",
          entityId: row!.id,
          summary: input.mark
            ? messageRef("comparison.activity.rowMarked", { aspect: words(`comparison.aspect.${input.aspect}`), mark: words(`comparison.markLower.${input.mark}`) })
            : messageRef("comparison.activity.markCleared", { aspect: words(`comparison.aspect.${input.aspect}`) }),
        });
        return { aspect: row!.aspect, mark: row!.mark };
      }),
    ),

  /** One step from a row to the question list: a clarifying question from the guide, for one opinion's visit. */
  addClarifyingQuestion: caseProcedure("supporter")
    .input(ZClarifyingQuestionCreate)
    .output(z.object({ questionId: z.uuid(), text: z.string() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const submission = { caseId: ctx.caseId, userId: ctx.userId, submissionId: input.submissionId };
        // A retry of an ask that went through answers with that question, not "already asked".
        const earlier = await alreadyCreated(tx, questions, submission);
        if (earlier) {
          const [asked] = await tx.select({ text: questions.text }).from(questions).where(and(eq(questions.id, earlier), eq(questions.caseId, ctx.caseId)));
          if (asked) return { questionId: earlier, text: asked.text };
        }
        const label = await opinionLabel(tx, ctx, input.opinionId);
        // The opinion is chosen in the form ("Whom to ask"): its error belongs next to that field.
        if (label === null) throw fieldError("opinionId", OPINION_GONE);
        // The question becomes the person's own text, in the language they read SecondLook in.
        const t = translatorFor(ctx.locale ?? DEFAULT_LOCALE);
        const text = t("comparison.ask.questionText", { aspect: t(`comparison.aspectLower.${input.aspect}`), question: bankQuestionText(input.bankKey, ctx.locale) });
        const [already] = await tx
          .select({ id: questions.id })
          .from(questions)
          .where(and(eq(questions.caseId, ctx.caseId), eq(questions.opinionId, input.opinionId), eq(questions.text, text)));
        if (already) throw fieldError("bankKey", messageRef("comparison.errors.alreadyAsked", { label }));
        const row = await createOnce(tx, questions, submission, {
          caseId: ctx.caseId,
          text,
          bankKey: input.bankKey,
          opinionId: input.opinionId,
          authorId: ctx.userId,
          position: await nextPosition(tx, questions, ctx.caseId),
        });
        if (!row.created) return { questionId: row.id, text };
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "question.created",
          entityType: "question",
          entityId: row.id,
          summary: messageRef("comparison.activity.questionAdded", { label }),
        });
        return { questionId: row.id, text };
      }),
    ),
});
