/**
 * An account may have no password (issue 15 §1): it then signs in by emailed link (or a passkey).
 * Whether it has one, removing it, and setting one when there is none. Changing an existing password
 * stays `account.changePassword`. Both changes need a fresh proof and email the person.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { passwordProblem } from "@/lib/account";
import { messageRef } from "@/lib/i18n/message-ref";
import { hashPassword } from "@/server/auth/passwords";
import { requireRecentProof } from "@/server/auth/recent-proof";
import { revokeUserSessions } from "@/server/auth/sessions";
import { fieldError } from "@/server/errors";
import { emailLinksAvailable } from "@/server/mail";
import { passwordChangedMail } from "@/server/mail/templates";
import { protectedProcedure, router } from "@/server/trpc";

export const passwordRouter = router({
  status: protectedProcedure
    .output(z.object({ hasPassword: z.boolean(), canRemove: z.boolean() }))
    .query(async ({ ctx }) => {
      const [user] = await ctx.db.select({ hasPassword: sql<boolean>`${users.passwordHash} is not null` }).from(users).where(eq(users.id, ctx.session.user.id));
      const hasPassword = user?.hasPassword ?? false;
      return { hasPassword, canRemove: hasPassword && emailLinksAvailable() };
    }),

  /** Only when the person can still get in by emailed link (this server sends email). */
  remove: protectedProcedure.output(z.object({ removed: z.literal(true) })).mutation(async ({ ctx }) => {
    await requireRecentProof(ctx.db, ctx.session.sessionId);
    if (!emailLinksAvailable()) {
      throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("signIn.errors.noEmailServer") });
    }
    const [user] = await ctx.db
      .update(users)
      .set({ passwordHash: null, updatedAt: sql`now()` })
      .where(and(eq(users.id, ctx.session.user.id), isNotNull(users.passwordHash)))
      .returning({ name: users.name, email: users.email, locale: users.locale });
    if (!user) throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("signIn.errors.noPassword") });
    await ctx.mailer.send(passwordChangedMail(user.locale, user.email, user.name, "removed"));
    return { removed: true as const };
  }),

  /** Sets a password on an account that has none; other devices are signed out, as for a change. */
  set: protectedProcedure
    .input(z.object({ password: z.string().max(200, messageRef("signIn.validation.tooLong", { max: 200 })) }))
    .output(z.object({ set: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      const problem = passwordProblem(input.password, ctx.session.user.email);
      if (problem) throw fieldError("password", problem);
      const passwordHash = await hashPassword(input.password);
      const user = await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(users)
          .set({ passwordHash, updatedAt: sql`now()` })
          .where(and(eq(users.id, ctx.session.user.id), isNull(users.passwordHash)))
          .returning({ name: users.name, email: users.email, locale: users.locale });
        if (!updated) throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("signIn.errors.alreadyHasPassword") });
        await revokeUserSessions(tx, ctx.session.user.id, ctx.session.sessionId);
        return updated;
      });
      await ctx.mailer.send(passwordChangedMail(user.locale, user.email, user.name, "set"));
      return { set: true as const };
    }),
});
