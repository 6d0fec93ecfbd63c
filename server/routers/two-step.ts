/**
 * Two-step sign-in with an authenticator app (server/auth/two-step.ts): its status, setting it up (QR
 * code, one code to confirm, then ten recovery codes shown once), turning it off, and confirming it's
 * you with a code. Every change needs a recent proof and emails the person afterwards.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import { users } from "@/db/schema";
import { markProof, requireRecentProof } from "@/server/auth/recent-proof";
import { beginSetup, checkConfirmationCode, confirmSetup, hasTwoStep, recoveryCodesLeft, turnOffTwoStep } from "@/server/auth/two-step";
import { fieldError } from "@/server/errors";
import { twoStepChangedMail } from "@/server/mail/templates";
import type { AppSession } from "@/server/auth";
import { protectedProcedure, router, type Context } from "@/server/trpc";

const ZCode = z.object({ code: z.string().trim().min(1, "Enter the code from your authenticator app.").max(40, "That code is too long.") });

const TOO_MANY = "Too many wrong codes. For your safety, please wait 15 minutes and try again.";

export const twoStepRouter = router({
  status: protectedProcedure
    .output(z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() }))
    .query(async ({ ctx }) => {
      const enabled = await hasTwoStep(ctx.db, ctx.session.user.id);
      return { enabled, recoveryCodesLeft: enabled ? await recoveryCodesLeft(ctx.db, ctx.session.user.id) : 0 };
    }),

  /** A new secret to scan (QR code as an SVG data URL) or type; not in force until `confirmSetup`. */
  beginSetup: protectedProcedure
    .output(z.object({ secretText: z.string(), qrCodeDataUrl: z.string() }))
    .mutation(async ({ ctx }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      const setup = await beginSetup(ctx.db, ctx.session.user.id, ctx.session.user.email);
      if (!setup) throw new TRPCError({ code: "BAD_REQUEST", message: "Two-step sign-in is already on." });
      const svg = await QRCode.toString(setup.uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
      return { secretText: setup.secretText, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
    }),

  /** One correct code turns two-step on; the ten recovery codes are returned this once. */
  confirmSetup: protectedProcedure
    .input(ZCode)
    .output(z.object({ recoveryCodes: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      const codes = await confirmSetup(ctx.db, ctx.session.user.id, input.code);
      if (!codes) throw fieldError("code", "That code did not match. Type the 6-digit code your app shows now.");
      await sendChangeMail(ctx, true);
      return { recoveryCodes: codes };
    }),

  turnOff: protectedProcedure.output(z.object({ off: z.literal(true) })).mutation(async ({ ctx }) => {
    await requireRecentProof(ctx.db, ctx.session.sessionId);
    await turnOffTwoStep(ctx.db, ctx.session.user.id);
    await sendChangeMail(ctx, false);
    return { off: true as const };
  }),

  /** "Confirm it's you" with a code from the app (or a recovery code): a fresh proof on this session. */
  confirmIdentity: protectedProcedure
    .input(ZCode)
    .output(z.object({ confirmed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await checkConfirmationCode(ctx.db, ctx.session.user.id, input.code);
      if (result === "throttled") throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: TOO_MANY });
      if (result === "wrong") throw fieldError("code", "That code did not work. Type the 6-digit code your app shows now.");
      await markProof(ctx.db, ctx.session.sessionId);
      return { confirmed: true as const };
    }),
});

async function sendChangeMail(ctx: Pick<Context, "db" | "mailer"> & { session: AppSession }, on: boolean) {
  const [user] = await ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, ctx.session.user.id));
  if (user) await ctx.mailer.send(twoStepChangedMail(user.email, user.name, on));
}
