/**
 * Shared notes. A private note is seen by its author only — not even the owner — and the filter sits
 * in the same query that reads notes. Authors edit their own notes; the owner may delete any note they can see.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { notes, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { notFound } from "@/server/errors";
import { messageRef } from "@/lib/i18n/message-ref";
import { assertOpinionInCase, keepUnlessGiven } from "@/server/rows/opinion-ref";
import { columnsFor } from "@/server/rows/columns";
import { createOnce } from "@/server/rows/create-once";
import { deleteVersioned, updateVersioned } from "@/server/rows/versioned";
import { ZNoteCreate, ZNoteFields, ZNoteView } from "@/lib/note";
import { zOpinionRefEdit } from "@/lib/opinion";
import { caseProcedure, router } from "@/server/trpc";
import type { Db } from "@/db/client";
import { type CaseContext, refusal, visibleNotes } from "@/server/access";
import { zVersion } from "@/lib/fields";

function selectNotes(db: Db) {
  return db
    .select({ ...columnsFor(notes, ZNoteView.omit({ authorName: true })), authorName: users.name })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorId));
}

async function visibleNote(db: Db, ctx: CaseContext, id: string) {
  const [row] = await selectNotes(db).where(and(eq(notes.id, id), visibleNotes(ctx)));
  if (!row) throw notFound(messageRef("notes.errors.gone"));
  return row;
}

const visibilityOf = (isPrivate: boolean) => (isPrivate ? "author" : "members") as "author" | "members";

export const noteRouter = router({
  list: caseProcedure("viewer")
    // `limit`: the newest that many (the notes page shows the newest first and the rest on request).
    .input(z.object({ authorId: z.uuid().optional(), opinionId: z.uuid().optional(), limit: z.number().int().min(1).max(1000).optional() }))
    .output(z.array(ZNoteView))
    .query(({ ctx, input }) => {
      const query = selectNotes(ctx.db)
        .where(
          and(
            visibleNotes(ctx),
            input.authorId ? eq(notes.authorId, input.authorId) : undefined,
            input.opinionId ? eq(notes.opinionId, input.opinionId) : undefined,
          ),
        )
        .orderBy(desc(notes.createdAt), desc(notes.id));
      return input.limit ? query.limit(input.limit) : query;
    }),

  create: caseProcedure("supporter")
    .input(ZNoteCreate)
    .output(ZNoteView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await assertOpinionInCase(tx, ctx.caseId, input.opinionId);
        const row = await createOnce(
          tx,
          notes,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId: input.submissionId },
          { caseId: ctx.caseId, body: input.body, opinionId: input.opinionId, private: input.private, authorId: ctx.userId },
        );
        // A retried submission: the note is already written, and so is its activity entry.
        if (!row.created) return visibleNote(tx, ctx, row.id);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "note.created",
          entityType: "note",
          entityId: row.id,
          // Never the note's text: the feed is read by everyone in the case.
          summary: messageRef(input.private ? "notes.activity.wrotePrivate" : "notes.activity.wrote"),
          visibility: visibilityOf(input.private),
        });
        return visibleNote(tx, ctx, row.id);
      }),
    ),

  update: caseProcedure("supporter")
    .input(ZNoteFields.extend({ id: z.uuid(), version: zVersion(), opinionId: zOpinionRefEdit }))
    .output(ZNoteView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await visibleNote(tx, ctx, input.id);
        if (before.authorId !== ctx.userId) {
          throw refusal("FORBIDDEN", "not-author", ctx.caseId, messageRef("notes.errors.editOwnOnly"));
        }
        await assertOpinionInCase(tx, ctx.caseId, input.opinionId ?? null);
        await updateVersioned(
          tx,
          notes,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { body: input.body, ...keepUnlessGiven(input.opinionId), private: input.private },
          // Re-read on a conflict: the winner has committed by now.
          { returning: { id: notes.id }, view: ZNoteView, current: () => visibleNote(tx, ctx, input.id) },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "note.updated",
          entityType: "note",
          entityId: input.id,
          summary: messageRef("notes.activity.edited"),
          visibility: visibilityOf(input.private || before.private),
        });
        return visibleNote(tx, ctx, input.id);
      }),
    ),

  delete: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), version: zVersion() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await visibleNote(tx, ctx, input.id);
        if (before.authorId !== ctx.userId && ctx.role !== "owner") {
          throw refusal("FORBIDDEN", "not-author", ctx.caseId, messageRef("notes.errors.deleteOwnOnly"));
        }
        // Removed only at the version the person saw: an edit since then is theirs to see first.
        await deleteVersioned(
          tx,
          notes,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { returning: { id: notes.id }, view: ZNoteView, current: () => visibleNote(tx, ctx, input.id) },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "note.deleted",
          entityType: "note",
          entityId: input.id,
          summary:
            before.authorId === ctx.userId
              ? messageRef("notes.activity.deleted")
              : before.authorName
                ? messageRef("notes.activity.deletedOthers", { name: before.authorName })
                : messageRef("notes.activity.deletedFormerMember"),
          visibility: visibilityOf(before.private),
        });
        return { deleted: true as const };
      }),
    ),
});
