/**
 * Invitations: the owner invites by email; the link is single-use, valid 7 days, bound to the
 * invited address, and only its SHA-256 is stored (so a link can be shown only when it is made).
 */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { TRPCError } from "@trpc/server";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseMembers, cases, invitations, users } from "@/db/schema";
import { type InvitationStatus, ZInvitationPreview, ZInvitationView, ZInviteFields, ZIssuedInvitation } from "@/lib/invitation";
import { refusal } from "@/server/access";
import { recordActivity } from "@/server/activity";
import { createToken, hashToken } from "@/server/auth/tokens";
import { config } from "@/server/env";
import { fieldError, notFound } from "@/server/errors";
import { invitationLocale } from "@/server/mail/recipient";
import { invitationMail } from "@/server/mail/templates";
import { caseProcedure, protectedProcedure, publicProcedure, router, type Context } from "@/server/trpc";
import { logServerError } from "@/server/log";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
}

/** An invitation of this case that can still be resent or revoked (neither accepted nor revoked). */
const openInvitation = (caseId: string, invitationId: string) =>
  and(eq(invitations.id, invitationId), eq(invitations.caseId, caseId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/**
 * Why an open-invitation update matched nothing: no such invitation in this case (NOT_FOUND), or it
 * was accepted or revoked meanwhile (a rule: only an open invitation can change).
 */
async function notOpen(db: Db, caseId: string, invitationId: string): Promise<TRPCError> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.caseId, caseId)));
  if (!row) return notFound(messageRef("sharing.errors.invitationGone"));
  return fieldError("invitationId", messageRef("sharing.errors.invitationClosed"));
}

const invitationLink = (token: string) => `${config().appUrl}/invitations/${token}`;

/**
 * Sends the invitation email (or logs it without SMTP), after the invitation is committed: a slow or
 * failing mail server must neither hold the transaction nor lose the invitation (the link is shown anyway).
 */
async function sendInvitation(ctx: Context, invitationId: string, token: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ email: invitations.email, role: invitations.role, message: invitations.message, caseTitle: cases.title })
    .from(invitations)
    .innerJoin(cases, eq(cases.id, invitations.caseId))
    .where(eq(invitations.id, invitationId));
  if (!row || !ctx.session) return false;
  try {
    await ctx.mailer.send(
      invitationMail({
        locale: await invitationLocale(ctx.db, row.email, ctx.session.user.id),
        to: row.email,
        inviterName: ctx.session.user.name,
        caseTitle: row.caseTitle,
        role: row.role,
        message: row.message,
        url: invitationLink(token),
      }),
    );
    return ctx.mailer.delivers;
  } catch (error) {
    logServerError("mail.invitation", error);
    return false;
  }
}

export const invitationRouter = router({
  list: caseProcedure("owner")
    .output(z.array(ZInvitationView))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .select({
          id: invitations.id,
          email: invitations.email,
          role: invitations.role,
          message: invitations.message,
          sentAt: invitations.sentAt,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
        })
        .from(invitations)
        .where(eq(invitations.caseId, ctx.caseId))
        .orderBy(desc(invitations.sentAt));
      return rows.map(({ acceptedAt, revokedAt, ...row }) => ({ ...row, status: statusOf({ acceptedAt, revokedAt, ...row }) }));
    }),

  create: caseProcedure("owner")
    .input(ZInviteFields)
    .output(ZIssuedInvitation)
    .mutation(async ({ ctx, input }) => {
      const issued = await ctx.db.transaction(async (tx) => {
        const [member] = await tx
          .select({ id: caseMembers.id })
          .from(caseMembers)
          .innerJoin(users, eq(users.id, caseMembers.userId))
          .where(and(eq(caseMembers.caseId, ctx.caseId), eq(users.email, input.email)));
        if (member) throw fieldError("email", messageRef("sharing.errors.alreadyMember"));
        const [pending] = await tx
          .select({ id: invitations.id })
          .from(invitations)
          .where(
            and(
              eq(invitations.caseId, ctx.caseId),
              eq(invitations.email, input.email),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
              gt(invitations.expiresAt, new Date()),
            ),
          );
        if (pending) throw fieldError("email", messageRef("sharing.errors.alreadyPending"));

        const { token, tokenHash } = createToken();
        const [created] = await tx
          .insert(invitations)
          .values({
            caseId: ctx.caseId,
            email: input.email,
            role: input.role,
            message: input.message || null,
            tokenHash,
            invitedBy: ctx.userId,
            expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
          })
          .returning({ id: invitations.id });
        if (!created) throw new Error("invitation was not created");
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "invitation.created",
          entityType: "invitation",
          entityId: created.id,
          summary: messageRef("activity.summaries.invited", { role: input.role }),
        });
        return { invitationId: created.id, token };
      });
      const emailed = await sendInvitation(ctx, issued.invitationId, issued.token);
      return { invitationId: issued.invitationId, link: invitationLink(issued.token), emailed };
    }),

  /** A new link with a fresh 7 days; the old link stops working. */
  resend: caseProcedure("owner")
    .input(z.object({ invitationId: z.uuid() }))
    .output(ZIssuedInvitation)
    .mutation(async ({ ctx, input }) => {
      const { token, tokenHash } = createToken();
      const invitationId = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(invitations)
          .set({ tokenHash, sentAt: new Date(), expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })
          .where(openInvitation(ctx.caseId, input.invitationId))
          .returning({ id: invitations.id });
        if (!row) throw await notOpen(tx, ctx.caseId, input.invitationId);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "invitation.resent",
          entityType: "invitation",
          entityId: row.id,
          summary: messageRef("activity.summaries.invitationResent"),
        });
        return row.id;
      });
      const emailed = await sendInvitation(ctx, invitationId, token);
      return { invitationId, link: invitationLink(token), emailed };
    }),

  revoke: caseProcedure("owner")
    .input(z.object({ invitationId: z.uuid() }))
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(invitations)
          .set({ revokedAt: new Date() })
          .where(openInvitation(ctx.caseId, input.invitationId))
          .returning({ id: invitations.id });
        if (!row) throw await notOpen(tx, ctx.caseId, input.invitationId);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "invitation.revoked",
          entityType: "invitation",
          entityId: row.id,
          summary: messageRef("activity.summaries.invitationRevoked"),
        });
        return { revoked: true as const };
      }),
    ),

  /**
   * What the invitation page shows for a link (lib/invitation.ts ZInvitationPreview): whoever holds a
   * valid link learns the case title, the inviter's first name and the role, never the invited
   * address; an invalid link learns nothing beyond its state.
   */
  preview: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .output(ZInvitationPreview)
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({
          email: invitations.email,
          role: invitations.role,
          message: invitations.message,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
          caseTitle: cases.title,
          inviterName: users.name,
        })
        .from(invitations)
        .innerJoin(cases, eq(cases.id, invitations.caseId))
        .leftJoin(users, eq(users.id, invitations.invitedBy))
        .where(eq(invitations.tokenHash, hashToken(input.token)));
      if (!row) return { status: "invalid" as const };
      const status = statusOf(row);
      if (status !== "pending") return { status };
      const forYou = ctx.session ? ctx.session.user.email.toLowerCase() === row.email : null;
      return {
        status,
        role: row.role,
        caseTitle: row.caseTitle,
        inviterFirstName: row.inviterName?.trim().split(/\s+/)[0] || null,
        forYou,
        message: forYou ? row.message : null,
        expiresAt: row.expiresAt,
      };
    }),

  /** Joins the case; only for the person signed in with the invited address. */
  accept: protectedProcedure
    .input(z.object({ token: z.string().max(200) }))
    .output(z.object({ caseId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select({
            id: invitations.id,
            caseId: invitations.caseId,
            email: invitations.email,
            role: invitations.role,
            expiresAt: invitations.expiresAt,
            acceptedAt: invitations.acceptedAt,
            revokedAt: invitations.revokedAt,
          })
          .from(invitations)
          .where(eq(invitations.tokenHash, hashToken(input.token)));
        if (!row) throw notFound(messageRef("sharing.errors.linkNotValid"));
        const status = statusOf(row);
        if (status !== "pending") throw fieldError("token", messageRef("sharing.errors.linkClosed", { status }));
        if (row.email !== ctx.session.user.email) {
          // The address is not named: whoever holds the link learns nothing about whom it was for.
          throw refusal(
            "FORBIDDEN",
            "invitation-for-another-address",
            null,
            messageRef("sharing.errors.otherAddress"),
          );
        }
        // Claim the link first: of two tabs accepting at once, only one gets here.
        const [claimed] = await tx
          .update(invitations)
          .set({ acceptedAt: new Date(), acceptedBy: ctx.session.user.id })
          .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
          .returning({ id: invitations.id });
        if (!claimed) throw fieldError("token", messageRef("sharing.errors.linkUsed"));

        // Someone who is already a member (they joined by another link meanwhile) keeps their membership.
        const [member] = await tx
          .insert(caseMembers)
          .values({ caseId: row.caseId, userId: ctx.session.user.id, role: row.role })
          .onConflictDoNothing()
          .returning({ id: caseMembers.id });
        if (!member) return { caseId: row.caseId };
        await recordActivity(tx, {
          caseId: row.caseId,
          actorId: ctx.session.user.id,
          action: "member.joined",
          entityType: "member",
          entityId: member.id,
          summary: messageRef("activity.summaries.joined", { role: row.role }),
        });
        return { caseId: row.caseId };
      }),
    ),
});
