/** Members of a case: who is in it, their roles, access end dates, removal and leaving. */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseMembers, users } from "@/db/schema";
import { zMoment } from "@/lib/fields";
import { INVITABLE_ROLES, ZMemberView } from "@/lib/member";
import { activeMember } from "@/server/access";
import { cancelMemberReminders } from "@/server/notifications/reminders";
import { recordActivity } from "@/server/activity";
import { fieldError, notFound } from "@/server/errors";
import { caseProcedure, router } from "@/server/trpc";

/** Another member of this case (never the caller, never the owner): the target of owner actions. */
async function findOtherMember(db: Db, caseId: string, memberId: string, callerMemberId: string) {
  const [member] = await db
    .select({ id: caseMembers.id, userId: caseMembers.userId, role: caseMembers.role, name: users.name })
    .from(caseMembers)
    .innerJoin(users, eq(users.id, caseMembers.userId))
    .where(and(eq(caseMembers.id, memberId), eq(caseMembers.caseId, caseId)));
  if (!member) throw notFound(messageRef("cases.errors.noLongerMember"));
  if (member.id === callerMemberId) throw fieldError("memberId", messageRef("sharing.errors.chooseAnother"));
  if (member.role === "owner") throw fieldError("memberId", messageRef("sharing.errors.ownerAccess"));
  return member;
}

export const memberRouter = router({
  list: caseProcedure("viewer")
    .output(z.array(ZMemberView))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .select({
          id: caseMembers.id,
          userId: caseMembers.userId,
          name: users.name,
          email: users.email,
          role: caseMembers.role,
          joinedAt: caseMembers.joinedAt,
          lastActiveAt: caseMembers.lastActiveAt,
          accessEndsAt: caseMembers.accessEndsAt,
        })
        .from(caseMembers)
        .innerJoin(users, eq(users.id, caseMembers.userId))
        .where(
          and(
            eq(caseMembers.caseId, ctx.caseId),
            // Lapsed members are listed to the owner only, who may want to extend their access.
            ctx.role === "owner" ? undefined : activeMember(),
          ),
        )
        .orderBy(caseMembers.joinedAt);
      return rows.map((row) => {
        const isMe = row.id === ctx.memberId;
        return { ...row, isMe, email: ctx.role === "owner" || isMe ? row.email : null };
      });
    }),

  changeRole: caseProcedure("owner")
    .input(z.object({ memberId: z.uuid(), role: z.enum(INVITABLE_ROLES) }))
    .output(ZMemberView.pick({ role: true }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const member = await findOtherMember(tx, ctx.caseId, input.memberId, ctx.memberId);
        await tx
          .update(caseMembers)
          .set({ role: input.role })
          .where(and(eq(caseMembers.id, member.id), eq(caseMembers.caseId, ctx.caseId)));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "member.role_changed",
          entityType: "member",
          entityId: member.id,
          summary: messageRef("activity.summaries.roleChanged", { name: member.name, role: input.role }),
        });
        return { role: input.role };
      }),
    ),

  remove: caseProcedure("owner")
    .input(z.object({ memberId: z.uuid() }))
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const member = await ctx.db.transaction(async (tx) => {
        const member = await findOtherMember(tx, ctx.caseId, input.memberId, ctx.memberId);
        await tx.delete(caseMembers).where(and(eq(caseMembers.id, member.id), eq(caseMembers.caseId, ctx.caseId)));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "member.removed",
          entityType: "member",
          entityId: member.id,
          summary: messageRef("activity.summaries.memberRemoved", { name: member.name }),
        });
        return member;
      });
      await cancelMemberReminders(ctx.db, ctx.caseId, member.userId);
      return { removed: true as const };
    }),

  /** After `accessEndsAt` the member is refused like an outsider; null gives open-ended access again. */
  setAccessEnd: caseProcedure("owner")
    .input(z.object({ memberId: z.uuid(), accessEndsAt: zMoment(messageRef("sharing.validation.lastDayOfAccess")).nullable() }))
    .output(ZMemberView.pick({ accessEndsAt: true }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (input.accessEndsAt && input.accessEndsAt.getTime() <= Date.now()) {
          throw fieldError("accessEndsAt", messageRef("sharing.errors.futureDate"));
        }
        const member = await findOtherMember(tx, ctx.caseId, input.memberId, ctx.memberId);
        await tx
          .update(caseMembers)
          .set({ accessEndsAt: input.accessEndsAt })
          .where(and(eq(caseMembers.id, member.id), eq(caseMembers.caseId, ctx.caseId)));
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "member.access_end_set",
          entityType: "member",
          entityId: member.id,
          summary: messageRef(input.accessEndsAt ? "activity.summaries.accessEndSet" : "activity.summaries.accessEndRemoved", { name: member.name }),
        });
        return { accessEndsAt: input.accessEndsAt };
      }),
    ),

  /** A supporter or viewer leaves; the owner must hand over ownership first. */
  leave: caseProcedure("viewer")
    .output(z.object({ left: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      await ctx.db.transaction(async (tx) => {
        if (ctx.role === "owner") {
          throw fieldError("memberId", messageRef("sharing.errors.ownerLeaving"));
        }
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "member.left",
          entityType: "member",
          entityId: ctx.memberId,
          summary: messageRef("activity.summaries.memberLeft"),
        });
        await tx.delete(caseMembers).where(and(eq(caseMembers.id, ctx.memberId), eq(caseMembers.caseId, ctx.caseId)));
      });
      await cancelMemberReminders(ctx.db, ctx.caseId, ctx.userId);
      return { left: true as const };
    }),
});
