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
import { ZConfirmIdentityInput } from "@/lib/session";
import { confirmPassword } from "@/server/auth/confirm-password";
import { deleteAccount, ownedCasesOf } from "@/server/auth/delete-account";
import { hashPassword } from "@/server/auth/passwords";
import { markProof } from "@/server/auth/recent-proof";
import { revokeUserSessions } from "@/server/auth/sessions";
import { createToken, hashToken } from "@/server/auth/tokens";
import { config } from "@/server/env";
import { fieldError, notFound } from "@/server/errors";
import { passwordResetMail } from "@/server/mail/templates";
import { protectedProcedure, publicProcedure, router } from "@/server/trpc";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

function isUniqueViolation(error: unknown): boolean {
  // postgres.js and PGlite both surface the SQLSTATE as `code`, sometimes on a wrapped cause.
  const codeOf = (e: unknown) => (e && typeof e === "object" && "code" in e ? (e as { code: unknown }).code : undefined);
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown })?.cause) === "23505";
}

export const accountRouter = router({
  signUp: publicProcedure
    .input(ZSignUpInput)
    .output(ZAccountView)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      try {
        const [user] = await ctx.db
          .insert(users)
          .values({ name: input.name, email: input.email, passwordHash })
          .returning(publicUserColumns);
        if (!user) throw new Error("user was not created");
        return user;
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw fieldError("email", "An account with this email already exists. Sign in, or reset your password.");
        }
        throw error;
      }
    }),

  me: protectedProcedure.output(ZAccountView).query(async ({ ctx }) => {
    const [user] = await ctx.db.select(publicUserColumns).from(users).where(eq(users.id, ctx.session.user.id));
    if (!user) throw new Error("signed-in user vanished");
    return user;
  }),

  /**
   * Needs the current password (which is also this session's fresh proof, so no second "confirm it's
   * you"); every other device is signed out, this one stays signed in.
   */
  changePassword: protectedProcedure
    .input(ZChangePasswordInput)
    .output(z.object({ changed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const user = await confirmPassword(ctx.db, ctx.session.user.id, input.currentPassword, {
        field: "currentPassword",
        message: "That is not your current password.",
      });
      // The current password just typed is itself the fresh proof "confirm it's you" would ask for.
      await markProof(ctx.db, ctx.session.sessionId);
      const problem = passwordProblem(input.password, user.email);
      if (problem) throw fieldError("password", problem);
      const passwordHash = await hashPassword(input.password);
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, ctx.session.user.id));
        await revokeUserSessions(tx, ctx.session.user.id, ctx.session.sessionId);
      });
      return { changed: true as const };
    }),

  /** Always answers the same way, so the form does not reveal which emails have accounts. */
  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const [user] = await ctx.db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.email, input.email));
      if (user) {
        const { token, tokenHash } = createToken();
        await ctx.db
          .insert(passwordResetTokens)
          .values({ userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) });
        const url = `${config().appUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await ctx.mailer.send(passwordResetMail(user.email, user.name, url));
      }
      return { sent: true as const };
    }),

  /** Single use: the token is claimed with a conditional update, so two tabs cannot both use it. */
  resetPassword: publicProcedure
    .input(ZResetPasswordInput)
    .output(z.object({ email: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(passwordResetTokens)
          .set({ usedAt: new Date() })
          .where(
            and(
              eq(passwordResetTokens.tokenHash, hashToken(input.token)),
              isNull(passwordResetTokens.usedAt),
              gt(passwordResetTokens.expiresAt, new Date()),
            ),
          )
          .returning({ userId: passwordResetTokens.userId });
        if (!claimed) {
          throw fieldError("token", "This reset link has expired or was already used. Please ask for a new one.");
        }
        const [user] = await tx
          .update(users)
          .set({ passwordHash, updatedAt: sql`now()` })
          .where(eq(users.id, claimed.userId))
          .returning({ email: users.email });
        if (!user) throw notFound("This reset link is no longer valid. Please ask for a new one.");
        // A new password ends every session, including any an intruder may hold.
        await revokeUserSessions(tx, claimed.userId);
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
        message: "That is not your password. Check it and try again.",
      });
      await markProof(ctx.db, ctx.session.sessionId);
      return { confirmed: true as const };
    }),

  /** What deleting the account would remove: the cases the person owns, with how many others are in each. */
  deletionPreview: protectedProcedure
    .output(z.object({ ownedCases: z.array(ZCaseView.pick({ id: true, title: true }).extend({ otherMembers: z.number().int() })) }))
    .query(async ({ ctx }) => ({ ownedCases: await ownedCasesOf(ctx.db, ctx.session.user.id) })),

  /**
   * Deletes the account after the password is confirmed (server/auth/delete-account.ts); the client then
   * signs out. The password typed here is the fresh proof, so it does not also ask "confirm it's you".
   */
  delete: protectedProcedure
    .input(ZDeleteAccountInput)
    .output(z.object({ deletedCases: z.number().int(), leftCases: z.number().int() }))
    .mutation(({ ctx, input }) => deleteAccount(ctx.db, ctx.session.user.id, input.password)),
});
