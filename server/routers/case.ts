/** Cases: create, read, edit, archive, delete, transfer ownership, and the "seen" marker. */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { activity, caseMembers, cases, users } from "@/db/schema";
import { QUIET_ACTIONS } from "@/lib/activity";
import { ZCaseCreate, ZCaseDetails, ZCaseSummary, ZCaseView, ZCaseWorkspace } from "@/lib/case";
import { ZUnreadView } from "@/lib/live";
import { needsSafetyMessage } from "@/lib/self-check";
import { activeMember, visibleActivity } from "@/server/access";
import { recordActivity } from "@/server/activity";
import { logServerEvent } from "@/server/audit-log";
import { markSectionSeen, unreadCounts } from "@/server/live/unread";
import { requireRecentProof } from "@/server/auth/recent-proof";
import { fieldError, notFound } from "@/server/errors";
import { createOnce } from "@/server/rows/create-once";
import { updateVersioned } from "@/server/rows/versioned";
import { caseProcedure, protectedProcedure, router } from "@/server/trpc";
import { writeSelfCheck } from "./self-check";
import { zVersion } from "@/lib/fields";

const caseViewColumns = {
  id: cases.id,
  patientName: cases.patientName,
  title: cases.title,
  understanding: cases.understanding,
  decision: cases.decision,
  urgent: cases.urgent,
  archivedAt: cases.archivedAt,
  version: cases.version,
  createdAt: cases.createdAt,
  lastActivityAt: cases.lastActivityAt,
};

async function readCase(db: Db, caseId: string) {
  const [row] = await db.select(caseViewColumns).from(cases).where(eq(cases.id, caseId));
  if (!row) throw notFound(messageRef("cases.errors.notFound"));
  return row;
}

export const caseRouter = router({
  /** My cases and cases shared with me. A case whose access has ended for me is not listed, as if I had never been in it. */
  list: protectedProcedure
    .output(z.array(ZCaseSummary))
    .query(({ ctx }) => {
      const userId = ctx.session.user.id;
      return ctx.db
        .select({
          id: cases.id,
          patientName: cases.patientName,
          title: cases.title,
          urgent: cases.urgent,
          archivedAt: cases.archivedAt,
          lastActivityAt: cases.lastActivityAt,
          role: caseMembers.role,
          newSinceLastVisit: sql<number>`(
            select count(*)::int from ${activity}
            where ${activity.caseId} = ${cases.id}
              and (${activity.actorId} is null or ${activity.actorId} <> ${userId})
              and ${activity.action} not in (${sql.join(QUIET_ACTIONS.map((a) => sql`${a}`), sql`, `)})
              and ${visibleActivity({ userId, role: caseMembers.role })}
              and (${caseMembers.lastSeenAt} is null or ${activity.createdAt} > ${caseMembers.lastSeenAt})
          )`,
        })
        .from(caseMembers)
        .innerJoin(cases, eq(cases.id, caseMembers.caseId))
        .where(and(eq(caseMembers.userId, userId), activeMember()))
        .orderBy(desc(cases.lastActivityAt));
    }),

  /** With `selfCheck`, the answers are saved with the case, and a timing caution marks it urgent. */
  create: protectedProcedure
    .input(ZCaseCreate)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input: { selfCheck, submissionId, ...details } }) =>
      ctx.db.transaction(async (tx) => {
        const urgent = details.urgent || (selfCheck ? needsSafetyMessage(selfCheck.cautions) : false);
        // A case makes its own case id: the submission is the person's alone ("" for the case).
        const row = await createOnce(tx, cases, { caseId: "", userId: ctx.session.user.id, submissionId }, { ...details, urgent });
        const created = { id: row.id };
        // A retried submission: the case, its owner and its first activity are already written.
        if (!row.created) return created;
        const now = new Date();
        await tx
          .insert(caseMembers)
          .values({ caseId: created.id, userId: ctx.session.user.id, role: "owner", lastSeenAt: now, lastActiveAt: now });
        await recordActivity(tx, {
          caseId: created.id,
          actorId: ctx.session.user.id,
          action: "case.created",
          entityType: "case",
          entityId: created.id,
          summary: messageRef("activity.summaries.caseCreated", { title: details.title }),
        });
        if (selfCheck) await writeSelfCheck(tx, { caseId: created.id, userId: ctx.session.user.id, version: 0, ...selfCheck });
        return created;
      }),
    ),

  /** The case for its workspace. Only reads: the overview's visit is marked by the browser (`markSeen`). */
  get: caseProcedure("viewer")
    .output(ZCaseWorkspace)
    .query(async ({ ctx }) => {
      const row = await readCase(ctx.db, ctx.caseId);
      const members = await ctx.db
        .select({
          id: caseMembers.id,
          userId: caseMembers.userId,
          name: users.name,
          role: caseMembers.role,
          lastSeenAt: caseMembers.lastSeenAt,
        })
        .from(caseMembers)
        .innerJoin(users, eq(users.id, caseMembers.userId))
        .where(and(eq(caseMembers.caseId, ctx.caseId), activeMember()))
        .orderBy(caseMembers.joinedAt);
      const me = members.find((m) => m.id === ctx.memberId);
      return {
        ...row,
        myRole: ctx.role,
        myLastSeenAt: me?.lastSeenAt ?? null,
        members: members.map(({ lastSeenAt: _seen, ...m }) => m),
      };
    }),

  /** Owner edits the case details; `version` is the one they edited, so a concurrent edit is never overwritten. */
  update: caseProcedure("owner")
    .input(ZCaseDetails.extend({ version: zVersion() }))
    .output(ZCaseView)
    .mutation(({ ctx, input: { caseId: _caseId, version, ...details } }) =>
      ctx.db.transaction(async (tx) => {
        // The case is its own row: its id is the case id.
        const updated = await updateVersioned(tx, cases, { caseId: ctx.caseId, id: ctx.caseId, version }, details, {
          returning: caseViewColumns,
          view: ZCaseView,
          current: () => readCase(tx, ctx.caseId),
        });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "case.updated",
          entityType: "case",
          entityId: ctx.caseId,
          summary: messageRef(details.urgent ? "activity.summaries.caseEditedUrgent" : "activity.summaries.caseEdited"),
        });
        return updated;
      }),
    ),

  setArchived: caseProcedure("owner")
    .input(z.object({ archived: z.boolean() }))
    .output(z.object({ archivedAt: z.date().nullable() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(cases)
          .set({ archivedAt: input.archived ? new Date() : null, updatedAt: sql`now()` })
          .where(eq(cases.id, ctx.caseId))
          .returning({ archivedAt: cases.archivedAt });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: input.archived ? "case.archived" : "case.unarchived",
          entityType: "case",
          entityId: ctx.caseId,
          summary: messageRef(input.archived ? "activity.summaries.caseArchived" : "activity.summaries.caseUnarchived"),
        });
        return { archivedAt: row?.archivedAt ?? null };
      }),
    ),

  /** Deletes the case and everything in it. The owner types the case title to confirm. */
  delete: caseProcedure("owner")
    .input(z.object({ confirmTitle: z.string().max(500) }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      return ctx.db.transaction(async (tx) => {
        const row = await readCase(tx, ctx.caseId);
        if (input.confirmTitle.trim() !== row.title) {
          throw fieldError("confirmTitle", messageRef("cases.errors.confirmTitle"));
        }
        // Announced to live listeners; the row itself goes with the case.
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "case.deleted",
          entityType: "case",
          entityId: ctx.caseId,
          summary: messageRef("activity.summaries.caseDeleted"),
        });
        await tx.delete(cases).where(eq(cases.id, ctx.caseId));
        return { deleted: true as const };
      }).then((result) => {
        // The case's own activity log went with it: the server log keeps the fact.
        logServerEvent("case.deleted", { caseId: ctx.caseId, userId: ctx.userId });
        return result;
      });
    }),

  /** Hands ownership to another current member; the previous owner stays on as a supporter. */
  transferOwnership: caseProcedure("owner")
    .input(z.object({ memberId: z.uuid() }))
    .output(z.object({ newOwnerId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      return ctx.db.transaction(async (tx) => {
        const [target] = await tx
          .select({ id: caseMembers.id, userId: caseMembers.userId, name: users.name, active: sql<boolean>`${activeMember()}` })
          .from(caseMembers)
          .innerJoin(users, eq(users.id, caseMembers.userId))
          .where(and(eq(caseMembers.id, input.memberId), eq(caseMembers.caseId, ctx.caseId)));
        if (!target) throw notFound(messageRef("cases.errors.noLongerMember"));
        // In the case, but not someone ownership can go to: the owner themself, or access that has ended.
        if (target.id === ctx.memberId || !target.active) throw fieldError("memberId", messageRef("cases.errors.chooseCurrentMember"));
        // Demote first: the database allows only one owner per case at any moment.
        await tx.update(caseMembers).set({ role: "supporter" }).where(and(eq(caseMembers.id, ctx.memberId), eq(caseMembers.caseId, ctx.caseId)));
        await tx
          .update(caseMembers)
          .set({ role: "owner", accessEndsAt: null })
          .where(and(eq(caseMembers.id, target.id), eq(caseMembers.caseId, ctx.caseId)));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "case.ownership_transferred",
          entityType: "member",
          entityId: target.id,
          summary: messageRef("activity.summaries.ownershipHandedTo", { name: target.name }),
        });
        return { newOwnerId: target.userId };
      });
    }),

  /**
   * The member opened the overview: "new since your last visit" (My cases, the overview's feed, the
   * sections not opened since) counts from now, and the overview itself is seen. The browser sends it
   * once the overview is on screen, as the sections send theirs (components/live/live-case.tsx): a
   * render, a refresh or a prefetch of the overview is not a visit, and reading the case never writes.
   * Answers with the unread counts from then on, as `live.markSectionSeen` does.
   */
  markSeen: caseProcedure("viewer")
    .output(ZUnreadView)
    .mutation(async ({ ctx }) => {
      await ctx.db
        .update(caseMembers)
        .set({ lastSeenAt: sql`now()`, lastActiveAt: sql`now()` })
        .where(and(eq(caseMembers.id, ctx.memberId), eq(caseMembers.caseId, ctx.caseId)));
      await markSectionSeen(ctx, "overview");
      return unreadCounts(ctx);
    }),
});
