/**
 * Two-step sign-in with an authenticator app (server/auth/two-step.ts): its status, setting it up (QR
 * code, one code to confirm, then ten recovery codes shown once), turning it off, and confirming it's
 * you with a code. Every change needs a recent proof and emails the person afterwards.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, ne, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import { caseMembers, cases, users } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import { activeMember } from "@/server/access";
import { recordActivity } from "@/server/activity";
import { logServerEvent } from "@/server/audit-log";
import { markProof, requireRecentProof } from "@/server/auth/recent-proof";
import { beginSetup, checkConfirmationCode, confirmSetup, hasStrongFactor, hasTwoStep, recoveryCodesLeft, turnOffTwoStep } from "@/server/auth/two-step";
import { fieldError } from "@/server/errors";
import { config } from "@/server/env";
import { logServerError } from "@/server/log";
import { caseTwoStepRequirementMail, twoStepChangedMail } from "@/server/mail/templates";
import type { AppSession } from "@/server/auth";
import { caseProcedure, protectedProcedure, router, type Context } from "@/server/trpc";

const ZCode = z.object({ code: z.string().trim().min(1, messageRef("account.validation.codeMissing")).max(40, messageRef("account.validation.codeTooLong")) });

const TOO_MANY = messageRef("account.errors.tooManyCodes");

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
      if (!setup) throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("account.errors.twoStepAlreadyOn") });
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
      if (!codes) throw fieldError("code", messageRef("account.errors.codeNoMatch"));
      logServerEvent("two-step.turned-on", { userId: ctx.session.user.id });
      await sendChangeMail(ctx, true);
      return { recoveryCodes: codes };
    }),

  turnOff: protectedProcedure.output(z.object({ off: z.literal(true) })).mutation(async ({ ctx }) => {
    await requireRecentProof(ctx.db, ctx.session.sessionId);
    // An owner would lock themselves out of their own case: they lift the requirement first.
    const [requiring] = await ctx.db
      .select({ title: cases.title })
      .from(caseMembers)
      .innerJoin(cases, eq(cases.id, caseMembers.caseId))
      .where(and(eq(caseMembers.userId, ctx.session.user.id), eq(caseMembers.role, "owner"), eq(cases.requireTwoStep, true)));
    if (requiring) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: messageRef("account.errors.ownerRequiresTwoStep", { title: requiring.title }),
      });
    }
    await turnOffTwoStep(ctx.db, ctx.session.user.id);
    logServerEvent("two-step.turned-off", { userId: ctx.session.user.id });
    await sendChangeMail(ctx, false);
    return { off: true as const };
  }),

  /** Whether this case requires two-step sign-in of its members, and whether the caller could require it. */
  caseRequirement: caseProcedure("viewer")
    .output(z.object({ required: z.boolean(), youHaveTwoStep: z.boolean() }))
    .query(async ({ ctx }) => {
      const [row] = await ctx.db.select({ required: cases.requireTwoStep }).from(cases).where(eq(cases.id, ctx.caseId));
      return { required: row?.required ?? false, youHaveTwoStep: await hasStrongFactor(ctx.db, ctx.userId) };
    }),

  /**
   * The owner requires (or stops requiring) two-step sign-in of everyone in the case; they must have
   * it themselves. Members without it then find the case locked (server/access.ts). A change is an
   * activity entry, and the other members are emailed once it is saved.
   */
  setCaseRequirement: caseProcedure("owner")
    .input(z.object({ required: z.boolean() }))
    .output(z.object({ required: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      if (input.required && !(await hasStrongFactor(ctx.db, ctx.userId))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("account.errors.twoStepFirst") });
      }
      const changed = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(cases)
          .set({ requireTwoStep: input.required, updatedAt: sql`now()` })
          .where(and(eq(cases.id, ctx.caseId), ne(cases.requireTwoStep, input.required)))
          .returning({ title: cases.title });
        // Asking for what is already so changes nothing, and tells no one.
        if (!row) return null;
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "case.two_step_changed",
          entityType: "case",
          entityId: ctx.caseId,
          summary: messageRef(input.required ? "cases.activity.twoStepRequired" : "cases.activity.twoStepStopped"),
        });
        return row;
      });
      if (changed) {
        logServerEvent("case.two-step-requirement", { caseId: ctx.caseId, userId: ctx.userId, required: input.required });
        await tellTheMembers(ctx, changed.title, input.required);
      }
      return { required: input.required };
    }),

  /** "Confirm it's you" with a code from the app (or a recovery code): a fresh proof on this session. */
  confirmIdentity: protectedProcedure
    .input(ZCode)
    .output(z.object({ confirmed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await checkConfirmationCode(ctx.db, ctx.session.user.id, input.code);
      if (result === "throttled") throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: TOO_MANY });
      if (result === "wrong") throw fieldError("code", messageRef("account.errors.codeWrong"));
      await markProof(ctx);
      return { confirmed: true as const };
    }),
});

async function sendChangeMail(ctx: Pick<Context, "db" | "mailer"> & { session: AppSession }, on: boolean) {
  const [user] = await ctx.db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, ctx.session.user.id));
  if (user) await ctx.mailer.send(twoStepChangedMail(user.locale, user.email, user.name, on));
}

/**
 * After the requirement changed and was saved: every other current member hears of it. A mail server
 * that is down must not undo the change or hide it from the owner; each failure is logged.
 */
async function tellTheMembers(ctx: Pick<Context, "db" | "mailer"> & { caseId: string; userId: string; session: AppSession }, caseTitle: string, required: boolean) {
  const others = await ctx.db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(caseMembers)
    .innerJoin(users, eq(users.id, caseMembers.userId))
    .where(and(eq(caseMembers.caseId, ctx.caseId), ne(caseMembers.userId, ctx.userId), activeMember()));
  const accountUrl = `${config().appUrl}/account`;
  for (const member of others) {
    try {
      await ctx.mailer.send(
        caseTwoStepRequirementMail({ locale: member.locale, to: member.email, name: member.name, ownerName: ctx.session.user.name, caseTitle, required, accountUrl }),
      );
    } catch (error) {
      logServerError("case.two-step-requirement-mail", error, { caseId: ctx.caseId });
    }
  }
}
