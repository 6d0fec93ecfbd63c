/** Accounts: sign up, the signed-in person, changing the password, password reset by emailed link. */
import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { passwordResetTokens, publicUserColumns, users } from "@/db/schema";
import {
  passwordProblem,
  ZAccountView,
  ZChangePasswordInput,
  ZDeleteAccountInput,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
  ZSignUpInput,
} from "@/lib/account";
import { ZCaseView } from "@/lib/case";
import { messageRef } from "@/lib/i18n/message-ref";
import { ZConfirmIdentityInput } from "@/lib/session";
import { confirmPassword, confirmPasswordOrProof } from "@/server/auth/confirm-password";
import { deleteAccount, ownedCasesOf } from "@/server/auth/delete-account";
import { forgetDevices } from "@/server/auth/known-devices";
import { hashPassword } from "@/server/auth/passwords";
import { markProof } from "@/server/auth/recent-proof";
import { revokeUserSessions } from "@/server/auth/sessions";
import { requestSignUp } from "@/server/auth/sign-up";
import { takeSlot } from "@/server/auth/rate-limit";
import { createToken, hashToken } from "@/server/auth/tokens";
import { config } from "@/server/env";
import { fieldError, notFound } from "@/server/errors";
import { UNKNOWN_ADDRESS } from "@/server/http/client-address";
import { passwordResetMail } from "@/server/mail/templates";
import { protectedProcedure, publicProcedure, router } from "@/server/trpc";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Reset emails per address and per account in an hour; more requests answer the same and send nothing. */
export const RESET_MAILS_PER_HOUR = 3;
/** Per IP, higher: a household or a clinic may share one address. */
export const RESET_MAILS_PER_IP_PER_HOUR = 30;

export const accountRouter = router({
  /**
   * Answers the same whether or not the address has an account: the emailed link finishes it
   * (server/auth/sign-up.ts). TOO_MANY_REQUESTS only for too many sign-ups from one IP address.
   */
  signUp: publicProcedure
    .input(ZSignUpInput)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requestSignUp(ctx.db, ctx.mailer, input, ctx.clientAddress ?? UNKNOWN_ADDRESS, ctx.locale);
      return { sent: true as const };
    }),

  me: protectedProcedure.output(ZAccountView).query(async ({ ctx }) => {
    const [user] = await ctx.db.select(publicUserColumns).from(users).where(eq(users.id, ctx.session.user.id));
    if (!user) throw new Error("signed-in user vanished");
    return user;
  }),

  /**
   * Needs the current password (which is also this session's fresh proof, so no second "confirm it's
   * you"), or for an account without one a fresh proof; every other device is signed out, this one stays.
   */
  changePassword: protectedProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ changed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const user = await confirmPasswordOrProof(ctx.db, { userId: ctx.session.user.id, sessionId: ctx.session.sessionId }, input.currentPassword, {
        field: "currentPassword",
        message: messageRef("account.errors.wrongCurrentPassword"),
        missing: messageRef("signIn.validation.currentPasswordMissing"),
      });
      // The current password just typed is itself the fresh proof "confirm it's you" would ask for.
      await markProof(ctx);
      const problem = passwordProblem(input.password, user.email);
      if (problem) throw fieldError("password", problem);
      const passwordHash = await hashPassword(input.password);
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, ctx.session.user.id));
        await revokeUserSessions(tx, ctx.session.user.id, ctx.session.sessionId);
      });
      return { changed: true as const };
    }),

  /**
   * Always answers the same way, so the form does not reveal which emails have accounts, nor whether
   * a limit was reached (at most RESET_MAILS_PER_HOUR links per address and per account). A new link
   * ends the ones sent before it.
   */
  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const [user] = await ctx.db
        .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
        .from(users)
        .where(eq(users.email, input.email));
      const allowed = await takeSlot(ctx.db, [
        { bucket: "reset-mail:address", key: input.email, limit: RESET_MAILS_PER_HOUR, windowMinutes: 60 },
        { bucket: "reset-mail:ip", key: ctx.clientAddress ?? UNKNOWN_ADDRESS, limit: RESET_MAILS_PER_IP_PER_HOUR, windowMinutes: 60 },
        ...(user ? [{ bucket: "reset-mail:account", key: user.id, limit: RESET_MAILS_PER_HOUR, windowMinutes: 60 }] : []),
      ]);
      if (user && allowed) {
        const { token, tokenHash } = createToken();
        await ctx.db.transaction(async (tx) => {
          await tx
            .delete(passwordResetTokens)
            .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
          await tx
            .insert(passwordResetTokens)
            .values({ userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) });
        });
        const url = `${config().appUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await ctx.mailer.send(passwordResetMail(user.locale, user.email, user.name, url));
      }
      return { sent: true as const };
    }),

  /**
   * Single use: the token is claimed with a conditional update, so two tabs cannot both use it, and
   * using it ends every other link of the account. The link and the new password are checked before
   * the password is hashed (hashing is the slow part, not to be spent on a made-up link).
   */
  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .output(z.object({ email: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const usable = and(
        eq(passwordResetTokens.tokenHash, hashToken(input.token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      );
      const expired = () => fieldError("token", messageRef("signIn.reset.linkExpired"));
      const [link] = await ctx.db
        .select({ email: users.email })
        .from(passwordResetTokens)
        .innerJoin(users, eq(users.id, passwordResetTokens.userId))
        .where(usable);
      if (!link) throw expired();
      const problem = passwordProblem(input.password, link.email);
      if (problem) throw fieldError("password", problem);
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(passwordResetTokens)
          .set({ usedAt: new Date() })
          .where(usable)
          .returning({ userId: passwordResetTokens.userId });
        if (!claimed) throw expired();
        const [user] = await tx
          .update(users)
          .set({ passwordHash, updatedAt: sql`now()` })
          .where(eq(users.id, claimed.userId))
          .returning({ email: users.email });
        if (!user) throw notFound(messageRef("signIn.reset.linkInvalid"));
        await tx
          .delete(passwordResetTokens)
          .where(and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)));
        // A new password ends every session, including any an intruder may hold, and no browser is
        // known any more (one that knew the old password is a stranger again).
        await revokeUserSessions(tx, claimed.userId);
        await forgetDevices(tx, claimed.userId);
        return user;
      });
    }),

  /**
   * "Confirm it's you" with the password: records a fresh proof on this session. Wrong passwords
   * count against the sign-in limit (confirm-password.ts). Other factors (an emailed link, a code,
   * a passkey) record the same proof through their own procedures.
   */
  confirmIdentity: protectedProcedure
    .input(ZConfirmIdentityInput)
    .output(z.object({ confirmed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await confirmPassword(ctx.db, ctx.session.user.id, input.password, {
        field: "password",
        message: messageRef("account.errors.wrongPassword"),
      });
      await markProof(ctx);
      return { confirmed: true as const };
    }),

  /** What deleting the account would remove: the cases the person owns, with how many others are in each. */
  deletionPreview: protectedProcedure
    .output(z.object({ ownedCases: z.array(ZCaseView.pick({ id: true, title: true }).extend({ otherMembers: z.number().int() })) }))
    .query(async ({ ctx }) => ({ ownedCases: await ownedCasesOf(ctx.db, ctx.session.user.id) })),

  /**
   * Deletes the account after the password is confirmed (server/auth/delete-account.ts); the client then
   * signs out. The password typed here is the fresh proof, so it does not also ask "confirm it's you";
   * an account without a password needs a fresh proof instead.
   */
  delete: protectedProcedure
    .input(ZDeleteAccountInput)
    .output(z.object({ deletedCases: z.number().int(), leftCases: z.number().int() }))
    .mutation(({ ctx, input }) => deleteAccount(ctx.db, { userId: ctx.session.user.id, sessionId: ctx.session.sessionId }, input.password)),
});
