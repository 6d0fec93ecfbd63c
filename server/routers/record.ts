/**
 * Records to gather: what, from where, and how far along (needed → requested → received → shared).
 * A private record is visible only to its author and the owner — filtered in the same query that reads it.
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordFiles, records, users } from "@/db/schema";
import { syncReminders } from "@/server/notifications/reminders";
import { recordActivity } from "@/server/activity";
import type { ActivityVisibility } from "@/lib/activity";
import { RECORD_STATUSES, type RecordStatus, SUGGESTED_RECORDS, ZRecordCreate, ZRecordFields, ZRecordView, zRecordStatus } from "@/lib/record";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messageRef, words } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/server/i18n/translator";
import { fieldError, notFound } from "@/server/errors";
import { removeFilesOfRecord } from "@/server/files/record-files";
import { columnsFor } from "@/server/rows/columns";
import { createOnce } from "@/server/rows/create-once";
import { deleteVersioned, updateVersioned } from "@/server/rows/versioned";
import { caseProcedure, router } from "@/server/trpc";
import type { Db } from "@/db/client";
import { type CaseContext, visibleRecords } from "@/server/access";
import { nextPosition } from "@/server/rows/ordering";
import { zVersion } from "@/lib/fields";

function selectRecords(db: Db) {
  return db
    .select({
      ...columnsFor(records, ZRecordView.omit({ authorName: true, fileCount: true })),
      authorName: users.name,
      fileCount: sql<number>`(select count(*)::int from ${recordFiles} where ${recordFiles.recordId} = ${records.id})`,
    })
    .from(records)
    .leftJoin(users, eq(users.id, records.authorId));
}

async function visibleRecord(db: Db, ctx: CaseContext, id: string) {
  const [row] = await selectRecords(db).where(and(eq(records.id, id), visibleRecords(ctx)));
  if (!row) throw notFound(messageRef("records.errors.gone"));
  return row;
}

/** Reaching a status dates it now; the dates of later statuses are cleared, since the record is no longer there. */
function statusDates(status: RecordStatus) {
  const rank = (s: RecordStatus) => RECORD_STATUSES.indexOf(s);
  const dateOf = (s: RecordStatus) => (s === status ? new Date() : rank(s) > rank(status) ? null : undefined);
  return {
    neededAt: status === "needed" ? new Date() : undefined,
    requestedAt: dateOf("requested"),
    receivedAt: dateOf("received"),
    sharedAt: dateOf("shared"),
  };
}

const activityVisibility = (isPrivate: boolean): ActivityVisibility => (isPrivate ? "author_and_owner" : "members");

export const recordRouter = router({
  list: caseProcedure("viewer")
    .output(z.array(ZRecordView))
    .query(({ ctx }) => selectRecords(ctx.db).where(visibleRecords(ctx)).orderBy(asc(records.position), asc(records.createdAt))),

  create: caseProcedure("supporter")
    .input(ZRecordCreate)
    .output(ZRecordView)
    .mutation(({ ctx, input: { submissionId, ...fields } }) =>
      ctx.db.transaction(async (tx) => {
        const row = await createOnce(
          tx,
          records,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId },
          { ...fields, caseId: ctx.caseId, authorId: ctx.userId, position: await nextPosition(tx, records, ctx.caseId) },
        );
        // A retried submission: the record and its activity entry are already written.
        if (!row.created) return visibleRecord(tx, ctx, row.id);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "record.created",
          entityType: "record",
          entityId: row.id,
          summary: messageRef("records.activity.added", { title: fields.title }),
          visibility: activityVisibility(fields.private),
        });
        return visibleRecord(tx, ctx, row.id);
      }),
    ),

  /** Starts a case's list from the records a second-opinion clinician usually wants; skips kinds already listed. */
  addSuggested: caseProcedure("supporter")
    .output(z.object({ added: z.number().int() }))
    .mutation(({ ctx }) =>
      ctx.db.transaction(async (tx) => {
        const present = await tx.select({ kind: records.kind }).from(records).where(visibleRecords(ctx));
        const kinds = new Set(present.map((r) => r.kind));
        const missing = SUGGESTED_RECORDS.filter((s) => !kinds.has(s.kind));
        if (missing.length === 0) return { added: 0 };
        // Their titles become the person's own text, in the language they read SecondLook in.
        const t = translatorFor(ctx.locale ?? DEFAULT_LOCALE);
        const start = await nextPosition(tx, records, ctx.caseId);
        await tx
          .insert(records)
          .values(missing.map((s, i) => ({ ...s, title: t(`records.suggested.${s.kind}`), caseId: ctx.caseId, authorId: ctx.userId, position: start + i })));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "record.created",
          entityType: "record",
          entityId: null,
          summary: messageRef("records.activity.addedSuggested", { count: missing.length }),
        });
        return { added: missing.length };
      }),
    ),

  update: caseProcedure("supporter")
    .input(ZRecordFields.extend({ id: z.uuid(), version: zVersion() }))
    .output(ZRecordView)
    .mutation(async ({ ctx, input: { id, version, caseId: _caseId, ...fields } }) => {
      const updated = await ctx.db.transaction(async (tx) => {
        const before = await visibleRecord(tx, ctx, id);
        if (fields.private !== before.private && before.authorId !== ctx.userId && ctx.role !== "owner") {
          throw fieldError("private", messageRef("records.errors.privacyNotYours"));
        }
        await updateVersioned(
          tx,
          records,
          { caseId: ctx.caseId, id, version },
          fields,
          // Re-read on a conflict: the winner has committed by now.
          { returning: { id: records.id }, view: ZRecordView, current: () => visibleRecord(tx, ctx, id) },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "record.updated",
          entityType: "record",
          entityId: id,
          summary: messageRef("records.activity.updated", { title: fields.title }),
          visibility: activityVisibility(fields.private || before.private),
        });
        return visibleRecord(tx, ctx, id);
      });
      // Made private: the chase reminder goes only to those who may still see it.
      await syncReminders(ctx.db, ctx.caseId, { kind: "record", id });
      return updated;
    }),

  /** Moves a record along; the date of the status it reaches is recorded (a status is a flag, not text: no version). */
  setStatus: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), status: zRecordStatus }))
    .output(ZRecordView)
    .mutation(async ({ ctx, input }) => {
      const updated = await ctx.db.transaction(async (tx) => {
        const before = await visibleRecord(tx, ctx, input.id);
        await tx
          .update(records)
          .set({ status: input.status, ...statusDates(input.status), updatedAt: sql`now()` })
          .where(and(eq(records.id, input.id), eq(records.caseId, ctx.caseId)));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "record.updated",
          entityType: "record",
          entityId: input.id,
          summary: messageRef("records.activity.statusChanged", { title: before.title, status: words(`records.statusLower.${input.status}`) }),
          visibility: activityVisibility(before.private),
        });
        return visibleRecord(tx, ctx, input.id);
      });
      // "Requested" starts the 10-day wait for an answer; any other status ends it.
      await syncReminders(ctx.db, ctx.caseId, { kind: "record", id: input.id });
      return updated;
    }),

  /** After a records request letter: the chosen items still needed become "requested" today. */
  markRequested: caseProcedure("supporter")
    .input(z.object({ ids: z.array(z.uuid()).min(1, messageRef("records.validation.chooseOne")).max(100) }))
    .output(z.object({ updated: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const requested = await ctx.db.transaction(async (tx) => {
        const visible = await tx
          .select({ id: records.id })
          .from(records)
          .where(and(visibleRecords(ctx), inArray(records.id, input.ids)));
        if (visible.length !== new Set(input.ids).size) {
          throw notFound(messageRef("records.errors.someGone"));
        }
        const updated = await tx
          .update(records)
          .set({ status: "requested", requestedAt: new Date(), updatedAt: sql`now()` })
          .where(and(eq(records.caseId, ctx.caseId), inArray(records.id, input.ids), eq(records.status, "needed")))
          .returning({ id: records.id });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "record.updated",
          entityType: "record",
          entityId: null,
          summary: messageRef("records.activity.requested", { count: updated.length }),
        });
        return updated;
      });
      for (const { id } of requested) await syncReminders(ctx.db, ctx.caseId, { kind: "record", id });
      return { updated: requested.length };
    }),

  delete: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), version: zVersion() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction(async (tx) => {
        const before = await visibleRecord(tx, ctx, input.id);
        await deleteVersioned(
          tx,
          records,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          {
            returning: { id: records.id },
            view: ZRecordView,
            current: () => visibleRecord(tx, ctx, input.id),
            // The bytes too, not only the file rows; refused when a file on it is not this person's to remove.
            beforeDelete: () => removeFilesOfRecord(tx, ctx, input.id),
          },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "record.deleted",
          entityType: "record",
          entityId: input.id,
          summary: messageRef("records.activity.removed", { title: before.title }),
          visibility: activityVisibility(before.private),
        });
        return { deleted: true as const };
      });
      await syncReminders(ctx.db, ctx.caseId, { kind: "record", id: input.id });
      return result;
    }),
});
