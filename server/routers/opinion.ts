/** Opinions: who gives them, what kind, when, their status and logistics, and the log of calls about them. */
import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseMembers, comparisonCells, notes, opinionCalls, opinions, questions, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { fieldError, notFound } from "@/server/errors";
import { createOnce } from "@/server/rows/create-once";
import { deleteVersioned, updateVersioned } from "@/server/rows/versioned";
import { ZCallCreate, ZCallView, ZOpinionCreate, ZOpinionFields, ZOpinionView } from "@/lib/opinion";
import { caseProcedure, router } from "@/server/trpc";
import { activeMember, type CaseContext, visibleNotes } from "@/server/access";
import { columnsFor } from "@/server/rows/columns";
import { nextPosition } from "@/server/rows/ordering";
import { zVersion } from "@/lib/fields";
import { DEFAULT_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/server/i18n/translator";
import { syncReminders } from "@/server/notifications/reminders";

const opinionColumns = {
  ...columnsFor(opinions, ZOpinionView.omit({ comingAlong: true })),
  // Who is coming along, through the current members: someone removed, or whose access ended, drops out.
  comingAlong: sql<string[]>`array(
    select ${caseMembers.userId} from ${caseMembers}
    where ${caseMembers.caseId} = ${opinions.caseId} and ${caseMembers.userId} = any(${opinions.comingAlong}) and ${activeMember()}
    order by ${caseMembers.joinedAt})`.mapWith((value: string[] | string) => (Array.isArray(value) ? value : parseUuidArray(value))),
};

/** `{a,b}` → ["a", "b"]: a driver that leaves an array's text unparsed. */
function parseUuidArray(value: string): string[] {
  return value.replace(/^{|}$/g, "").split(",").filter(Boolean);
}

/**
 * The visit's rules beyond the field shapes: everyone coming along is a current member of this case.
 * Duplicates are dropped; nothing of the person's input is lost to a refusal (BAD_REQUEST, their form stays).
 */
async function checkVisit(db: Db, ctx: CaseContext, visit: { comingAlong: string[] }): Promise<string[]> {
  const ids = [...new Set(visit.comingAlong)];
  if (ids.length === 0) return ids;
  const found = await db
    .select({ userId: caseMembers.userId })
    .from(caseMembers)
    .where(and(eq(caseMembers.caseId, ctx.caseId), inArray(caseMembers.userId, ids), activeMember()));
  if (found.length !== ids.length) throw fieldError("comingAlong", messageRef("opinions.validation.comingAlong"));
  return ids;
}

async function findOpinion(db: Db, ctx: CaseContext, id: string) {
  const [row] = await db.select(opinionColumns).from(opinions).where(and(eq(opinions.id, id), eq(opinions.caseId, ctx.caseId)));
  if (!row) throw notFound(messageRef("opinions.errors.gone"));
  return row;
}

/** The default name of the next opinion, in the reader's language: "First opinion", "Second opinion", … */
const defaultLabel = (index: number, locale: AnyLocale) => translatorFor(locale)("opinions.defaultLabel", { index, number: index + 1 });

export const opinionRouter = router({
  list: caseProcedure("viewer")
    .output(z.array(ZOpinionView))
    .query(({ ctx }) =>
      ctx.db.select(opinionColumns).from(opinions).where(eq(opinions.caseId, ctx.caseId)).orderBy(asc(opinions.position), asc(opinions.createdAt)),
    ),

  /** The label a new opinion gets unless the person changes it. */
  suggestedLabel: caseProcedure("viewer")
    .output(z.object({ label: z.string() }))
    .query(async ({ ctx }) => {
      const [row] = await ctx.db.select({ n: count() }).from(opinions).where(eq(opinions.caseId, ctx.caseId));
      return { label: defaultLabel(row?.n ?? 0, ctx.locale ?? DEFAULT_LOCALE) };
    }),

  create: caseProcedure("supporter")
    .input(ZOpinionCreate)
    .output(ZOpinionView)
    .mutation(async ({ ctx, input: { caseId: _caseId, submissionId, ...fields } }) => {
      const { opinion, created } = await ctx.db.transaction(async (tx) => {
        fields.comingAlong = await checkVisit(tx, ctx, fields);
        const row = await createOnce(
          tx,
          opinions,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId },
          { ...fields, caseId: ctx.caseId, authorId: ctx.userId, position: await nextPosition(tx, opinions, ctx.caseId) },
        );
        // A retried submission: the opinion, its activity entry and its reminders are already there.
        if (row.created) {
          await recordActivity(tx, {
            caseId: ctx.caseId,
            actorId: ctx.userId,
            action: "opinion.created",
            entityType: "opinion",
            entityId: row.id,
            summary: messageRef("opinions.activity.added", { label: fields.label }),
          });
        }
        return { opinion: await findOpinion(tx, ctx, row.id), created: row.created };
      });
      if (created) await syncReminders(ctx.db, ctx.caseId, { kind: "visit", id: opinion.id });
      return opinion;
    }),

  update: caseProcedure("supporter")
    .input(ZOpinionFields.extend({ id: z.uuid(), version: zVersion() }))
    .output(ZOpinionView)
    .mutation(async ({ ctx, input: { caseId: _caseId, id, version, ...fields } }) => {
      const updated = await ctx.db.transaction(async (tx) => {
        fields.comingAlong = await checkVisit(tx, ctx, fields);
        await updateVersioned(
          tx,
          opinions,
          { caseId: ctx.caseId, id, version },
          fields,
          // Re-read on a conflict: the winner has committed by now.
          { returning: { id: opinions.id }, view: ZOpinionView, current: () => findOpinion(tx, ctx, id) },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "opinion.updated",
          entityType: "opinion",
          entityId: id,
          summary: messageRef("opinions.activity.edited", { label: fields.label }),
        });
        return findOpinion(tx, ctx, id);
      });
      // A moved visit withdraws the old reminders and queues new ones.
      await syncReminders(ctx.db, ctx.caseId, { kind: "visit", id });
      return updated;
    }),

  /** What deleting an opinion would take with it, so the person is asked with the facts in front of them. */
  deletionImpact: caseProcedure("viewer")
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ comparisonEntries: z.number().int(), questions: z.number().int(), notes: z.number().int(), calls: z.number().int() }))
    .query(async ({ ctx, input }) => {
      await findOpinion(ctx.db, ctx, input.id);
      const countOf = async (table: typeof comparisonCells | typeof questions | typeof opinionCalls) => {
        const [row] = await ctx.db
          .select({ n: count() })
          .from(table)
          .where(and(eq(table.caseId, ctx.caseId), eq(table.opinionId, input.id)));
        return row?.n ?? 0;
      };
      // Only the notes this member may see: a count must not reveal someone's private notes.
      const [visible] = await ctx.db
        .select({ n: count() })
        .from(notes)
        .where(and(visibleNotes(ctx), eq(notes.opinionId, input.id)));
      return {
        comparisonEntries: await countOf(comparisonCells),
        questions: await countOf(questions),
        notes: visible?.n ?? 0,
        calls: await countOf(opinionCalls),
      };
    }),

  /**
   * Removes the opinion, its comparison entries and its call log. Questions and notes tied to it are
   * kept, no longer tied to a visit (the foreign key sets them to null).
   */
  delete: caseProcedure("owner")
    .input(z.object({ id: z.uuid(), version: zVersion() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction(async (tx) => {
        // Removed only at the version the person saw (a stale removal is a CONFLICT, a gone one NOT_FOUND).
        const before = await deleteVersioned(
          tx,
          opinions,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { returning: { label: opinions.label }, view: ZOpinionView, current: () => findOpinion(tx, ctx, input.id) },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "opinion.deleted",
          entityType: "opinion",
          entityId: input.id,
          summary: messageRef("opinions.activity.removed", { label: before.label }),
        });
        return { deleted: true as const };
      });
      await syncReminders(ctx.db, ctx.caseId, { kind: "visit", id: input.id });
      return result;
    }),

  listCalls: caseProcedure("viewer")
    .input(z.object({ opinionId: z.uuid() }))
    .output(z.array(ZCallView))
    .query(({ ctx, input }) =>
      ctx.db
        .select({
          id: opinionCalls.id,
          calledAt: opinionCalls.calledAt,
          who: opinionCalls.who,
          reference: opinionCalls.reference,
          summary: opinionCalls.summary,
          authorName: users.name,
        })
        .from(opinionCalls)
        .leftJoin(users, eq(users.id, opinionCalls.authorId))
        .where(and(eq(opinionCalls.caseId, ctx.caseId), eq(opinionCalls.opinionId, input.opinionId)))
        .orderBy(desc(opinionCalls.calledAt)),
    ),

  logCall: caseProcedure("supporter")
    .input(ZCallCreate)
    .output(ZCallView.pick({ id: true }))
    .mutation(({ ctx, input: { caseId: _caseId, opinionId, submissionId, ...fields } }) =>
      ctx.db.transaction(async (tx) => {
        const opinion = await findOpinion(tx, ctx, opinionId);
        const row = await createOnce(
          tx,
          opinionCalls,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId },
          { ...fields, caseId: ctx.caseId, opinionId, authorId: ctx.userId },
        );
        if (!row.created) return { id: row.id };
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "opinion.call_logged",
          entityType: "opinion",
          entityId: opinionId,
          summary: messageRef("opinions.activity.callLogged", { who: fields.who, label: opinion.label }),
        });
        return { id: row.id };
      }),
    ),

  deleteCall: caseProcedure("supporter")
    .input(z.object({ callId: z.uuid() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .delete(opinionCalls)
          .where(and(eq(opinionCalls.id, input.callId), eq(opinionCalls.caseId, ctx.caseId)))
          .returning({ opinionId: opinionCalls.opinionId, who: opinionCalls.who });
        if (!row) throw notFound(messageRef("opinions.errors.callGone"));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "opinion.call_deleted",
          entityType: "opinion",
          entityId: row.opinionId,
          summary: messageRef("opinions.activity.callRemoved", { who: row.who }),
        });
        return { deleted: true as const };
      }),
    ),
});
