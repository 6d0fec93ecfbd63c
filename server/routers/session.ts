/**
 * The person's own sessions: the devices signed in to the account, ending one or all the others,
 * and whether this session's "confirm it's you" is fresh (account.confirmIdentity gives one).
 * Account-level: no case in the input.
 */
import "server-only";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { THIS_NETWORK } from "@/server/http/rough-place";
import { translatorFor } from "@/server/i18n/translator";
import { ZConfirmWays, ZEndSessionInput, ZSessionView } from "@/lib/session";
import { deviceLabel } from "@/server/auth/device-label";
import { hasPasskey } from "@/server/auth/passkeys";
import { hasTwoStep } from "@/server/auth/two-step";
import { requireRecentProof } from "@/server/auth/recent-proof";
import { listUserSessions, revokeOwnSession, revokeUserSessions } from "@/server/auth/sessions";
import { logServerEvent } from "@/server/audit-log";
import { notFound } from "@/server/errors";
import { emailLinksAvailable } from "@/server/mail";
import { protectedProcedure, router } from "@/server/trpc";

export const sessionRouter = router({
  /** Every device signed in to this account now, this one marked `current`. */
  list: protectedProcedure.output(z.array(ZSessionView)).query(async ({ ctx }) => {
    const rows = await listUserSessions(ctx.db, ctx.session.user.id);
    const locale = ctx.locale ?? DEFAULT_LOCALE;
    const t = translatorFor(locale);
    return rows.map(({ userAgent, place, ...row }) => ({
      ...row,
      ...deviceLabel(userAgent, locale),
      // Stored as recorded; "This network" is the one place in our own words.
      place: place === THIS_NETWORK ? t("account.devices.thisNetwork") : place,
      current: row.id === ctx.session.sessionId,
    }));
  }),

  /**
   * Signs one of the person's devices out at once. Asks for a fresh proof first (ASVS 7.5.2), so
   * someone holding a stolen session cannot sign the real person out of their other devices.
   */
  end: protectedProcedure
    .input(ZEndSessionInput)
    .output(z.object({ ended: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      // Someone else's session id answers exactly as a missing one does.
      if (!(await revokeOwnSession(ctx.db, ctx.session.user.id, input.sessionId))) {
        throw notFound(messageRef("account.errors.deviceSignedOut"));
      }
      logServerEvent("sessions.ended", { userId: ctx.session.user.id, sessions: 1 });
      return { ended: true as const };
    }),

  /** Signs out every other device (after a fresh proof, as `end`); this one stays signed in. */
  endOthers: protectedProcedure.output(z.object({ ended: z.literal(true) })).mutation(async ({ ctx }) => {
    await requireRecentProof(ctx.db, ctx.session.sessionId);
    await revokeUserSessions(ctx.db, ctx.session.user.id, ctx.session.sessionId);
    logServerEvent("sessions.ended", { userId: ctx.session.user.id, sessions: "all others" });
    return { ended: true as const };
  }),

  /**
   * Asks nothing and changes nothing: refused with `proofRequired` when this session's proof is old,
   * so the page can ask "confirm it's you" before a download that needs it (the case export).
   */
  checkRecentProof: protectedProcedure.output(z.object({ fresh: z.literal(true) })).mutation(async ({ ctx }) => {
    await requireRecentProof(ctx.db, ctx.session.sessionId);
    return { fresh: true as const };
  }),

  /** The ways this person can "confirm it's you", read when the dialog opens, so it offers only those. */
  confirmWays: protectedProcedure.output(ZConfirmWays).query(async ({ ctx }) => {
    const userId = ctx.session.user.id;
    const [[user], twoStep, passkey] = await Promise.all([
      ctx.db.select({ hasPassword: sql<boolean>`${users.passwordHash} is not null` }).from(users).where(eq(users.id, userId)),
      hasTwoStep(ctx.db, userId),
      hasPasskey(ctx.db, userId),
    ]);
    return { password: user?.hasPassword ?? false, twoStep, passkey, emailLink: emailLinksAvailable() };
  }),
});
