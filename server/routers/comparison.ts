/**
 * The comparison grid: rows are the guide's aspects, columns the opinions. Cells are versioned text
 * (a cell nobody has written yet has no row: its first save names version 0); each row carries a
 * mark — they agree, they differ, not sure yet — and the grid sums the marks up. Informational only.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { comparisonCells, comparisonRows, opinions, questions, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { fieldError } from "@/server/errors";
import { staleVersion } from "@/server/rows/versioned";
import { COMPARISON_ASPECTS, COMPARISON_ASPECT_LABELS, ROW_MARKS, ROW_MARK_LABELS, ZCellFields, zAspect, zClarifyingKey, zRowMark } from "@/lib/comparison";
import { QUESTION_BANK } from "@/lib/question";
import { caseProcedure, router } from "@/server/trpc";
import type { CaseContext } from "@/server/access";
import { nextPosition } from "@/server/rows/ordering";

const ZCell = z.object({
  opinionId: z.uuid(),
  aspect: z.enum(COMPARISON_ASPECTS),
  text: z.string(),
  version: z.number().int(),
  updatedByName: z.string().nullable(),
  updatedAt: z.date(),
});

async function findCell(db: Db, ctx: CaseContext, opinionId: string, aspect: (typeof COMPARISON_ASPECTS)[number]) {
  const [row] = await db
    .select({
      opinionId: comparisonCells.opinionId,
      aspect: comparisonCells.aspect,
      text: comparisonCells.text,
      version: comparisonCells.version,
      updatedByName: users.name,
      updatedAt: comparisonCells.updatedAt,
    })
    .from(comparisonCells)
    .leftJoin(users, eq(users.id, comparisonCells.updatedBy))
    .where(and(eq(comparisonCells.caseId, ctx.caseId), eq(comparisonCells.opinionId, opinionId), eq(comparisonCells.aspect, aspect)));
  return row ?? null;
}

async function findOpinionLabel(db: Db, ctx: CaseContext, opinionId: string): Promise<string> {
  const [row] = await db.select({ label: opinions.label }).from(opinions).where(and(eq(opinions.id, opinionId), eq(opinions.caseId, ctx.caseId)));
  if (!row) throw fieldError("opinionId", "This opinion no longer exists. Someone may have removed it.");
  return row.label;
}

export const comparisonRouter = router({
  /** The whole grid: its columns, the written cells, the row marks and what the marks add up to. */
  grid: caseProcedure("viewer")
    .output(
      z.object({
        opinions: z.array(z.object({ id: z.uuid(), label: z.string(), clinician: z.string() })),
        cells: z.array(ZCell),
        rows: z.array(
          z.object({ aspect: z.enum(COMPARISON_ASPECTS), mark: z.enum(ROW_MARKS).nullable(), updatedByName: z.string().nullable(), updatedAt: z.date() }),
        ),
        summary: z.object({ agree: z.number().int(), differ: z.number().int(), unsure: z.number().int(), unmarked: z.number().int() }),
      }),
    )
    .query(async ({ ctx }) => {
      const columns = await ctx.db
        .select({ id: opinions.id, label: opinions.label, clinician: opinions.clinician })
        .from(opinions)
        .where(eq(opinions.caseId, ctx.caseId))
        .orderBy(asc(opinions.position), asc(opinions.createdAt));
      const cells = await ctx.db
        .select({
          opinionId: comparisonCells.opinionId,
          aspect: comparisonCells.aspect,
          text: comparisonCells.text,
          version: comparisonCells.version,
          updatedByName: users.name,
          updatedAt: comparisonCells.updatedAt,
        })
        .from(comparisonCells)
        .leftJoin(users, eq(users.id, comparisonCells.updatedBy))
        .where(eq(comparisonCells.caseId, ctx.caseId));
      const rows = await ctx.db
        .select({ aspect: comparisonRows.aspect, mark: comparisonRows.mark, updatedByName: users.name, updatedAt: comparisonRows.updatedAt })
        .from(comparisonRows)
        .leftJoin(users, eq(users.id, comparisonRows.updatedBy))
        .where(eq(comparisonRows.caseId, ctx.caseId));
      const marked = (mark: (typeof ROW_MARKS)[number]) => rows.filter((r) => r.mark === mark).length;
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
    .input(ZCellFields.extend({ opinionId: z.uuid(), aspect: zAspect, version: z.number().int().min(0) }))
    .output(ZCell)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const label = await findOpinionLabel(tx, ctx, input.opinionId);
        const written =
          input.version === 0
            ? await tx
                .insert(comparisonCells)
                .values({ caseId: ctx.caseId, opinionId: input.opinionId, aspect: input.aspect, text: input.text, updatedBy: ctx.userId })
                .onConflictDoNothing()
                .returning({ id: comparisonCells.id })
            : await tx
                .update(comparisonCells)
                .set({ text: input.text, version: sql`${comparisonCells.version} + 1`, updatedBy: ctx.userId, updatedAt: new Date() })
                .where(
                  and(
                    eq(comparisonCells.caseId, ctx.caseId),
                    eq(comparisonCells.opinionId, input.opinionId),
                    eq(comparisonCells.aspect, input.aspect),
                    eq(comparisonCells.version, input.version),
                  ),
                )
                .returning({ id: comparisonCells.id });
        if (written.length === 0) {
          const current = await findCell(tx, ctx, input.opinionId, input.aspect);
          throw staleVersion(ZCell.partial({ updatedByName: true, updatedAt: true }), current ?? { opinionId: input.opinionId, aspect: input.aspect, text: "", version: 0 });
        }
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "comparison.cell_saved",
          entityType: "comparison",
          entityId: written[0]!.id,
          summary: `Filled in "${COMPARISON_ASPECT_LABELS[input.aspect]}" for "${label}"`,
        });
        return (await findCell(tx, ctx, input.opinionId, input.aspect))!;
      }),
    ),

  /** Marks a row "they agree", "they differ" or "not sure yet" (null clears it). A flag: no version. */
  markRow: caseProcedure("supporter")
    .input(z.object({ aspect: zAspect, mark: zRowMark.nullable() }))
    .output(z.object({ aspect: z.enum(COMPARISON_ASPECTS), mark: z.enum(ROW_MARKS).nullable() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(comparisonRows)
          .values({ caseId: ctx.caseId, aspect: input.aspect, mark: input.mark, updatedBy: ctx.userId })
          .onConflictDoUpdate({
            target: [comparisonRows.caseId, comparisonRows.aspect],
            set: { mark: input.mark, updatedBy: ctx.userId, updatedAt: new Date() },
          })
          .returning({ id: comparisonRows.id, aspect: comparisonRows.aspect, mark: comparisonRows.mark });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "comparison.row_marked",
          entityType: "comparison",
          entityId: row!.id,
          summary: `"${COMPARISON_ASPECT_LABELS[input.aspect]}": ${input.mark ? ROW_MARK_LABELS[input.mark].toLowerCase() : "mark cleared"}`,
        });
        return { aspect: row!.aspect, mark: row!.mark };
      }),
    ),

  /** One step from a row to the question list: a clarifying question from the guide, for one opinion's visit. */
  addClarifyingQuestion: caseProcedure("supporter")
    .input(z.object({ aspect: zAspect, bankKey: zClarifyingKey, opinionId: z.uuid() }))
    .output(z.object({ questionId: z.uuid(), text: z.string() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const label = await findOpinionLabel(tx, ctx, input.opinionId);
        const bank = QUESTION_BANK.find((q) => q.key === input.bankKey)!;
        const text = `About "${COMPARISON_ASPECT_LABELS[input.aspect].toLowerCase()}": ${bank.text}`;
        const [already] = await tx
          .select({ id: questions.id })
          .from(questions)
          .where(and(eq(questions.caseId, ctx.caseId), eq(questions.opinionId, input.opinionId), eq(questions.text, text)));
        if (already) throw fieldError("bankKey", `This question is already on the list for "${label}".`);
        const [row] = await tx
          .insert(questions)
          .values({ caseId: ctx.caseId, text, bankKey: input.bankKey, opinionId: input.opinionId, authorId: ctx.userId, position: await nextPosition(tx, questions, ctx.caseId) })
          .returning({ id: questions.id });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "question.created",
          entityType: "question",
          entityId: row!.id,
          summary: `Added a question for "${label}" from the comparison`,
        });
        return { questionId: row!.id, text };
      }),
    ),
});
