/**
 * Passkeys of the signed-in person: list, add (two steps: options, then the browser's answer),
 * rename, remove, and "confirm it's you" with one. Adding and removing need a recent proof
 * (server/auth/recent-proof.ts) and email the person. Signing in with a passkey is not here: the
 * sign-in page calls server actions (server/auth/passkey-actions.ts) and next-auth's "passkey"
 * provider (server/auth/passkey-provider.ts) opens the session.
 */
import "server-only";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { passkeys } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import { ZAddPasskeyInput, ZConfirmWithPasskeyInput, ZPasskeyView, ZRemovePasskeyInput, ZRenamePasskeyInput } from "@/lib/passkey";
import {
  addPasskey,
  confirmWithPasskey,
  listPasskeys,
  passkeyConfirmOptions,
  passkeyRegistrationOptions,
} from "@/server/auth/passkeys";
import { markProof, requireRecentProof } from "@/server/auth/recent-proof";
import { logServerEvent } from "@/server/audit-log";
import { logServerError } from "@/server/log";
import { config } from "@/server/env";
import { notFound } from "@/server/errors";
import type { Mailer } from "@/server/mail";
import type { Locale } from "@/lib/i18n/locales";
import { localeOfUser } from "@/server/mail/recipient";
import { passkeyChangedMail } from "@/server/mail/templates";
import { protectedProcedure, router } from "@/server/trpc";

/** WebAuthn options, as SimpleWebAuthn builds them for the browser (they carry a challenge, never account data beyond the person's own name and email). */
const isOptions = (v: unknown) => typeof v === "object" && v !== null && typeof (v as { challenge?: unknown }).challenge === "string";
const ZCreationOptions = z.custom<PublicKeyCredentialCreationOptionsJSON>(isOptions);
const ZRequestOptions = z.custom<PublicKeyCredentialRequestOptionsJSON>(isOptions);

/** After the change is saved: a mail server that is down must not undo or hide a passkey change. */
async function tellThePerson(mailer: Mailer, user: { name: string; email: string }, passkeyName: string, change: "added" | "removed", locale: Locale) {
  try {
    await mailer.send(passkeyChangedMail({ locale, to: user.email, name: user.name, passkeyName, change, accountUrl: `${config().appUrl}/account` }));
  } catch (error) {
    logServerError("passkey.change-mail", error);
  }
}

export const passkeyRouter = router({
  list: protectedProcedure.output(z.array(ZPasskeyView)).query(({ ctx }) => listPasskeys(ctx.db, ctx.session.user.id)),

  /** Step 1 of adding a passkey: the options for `navigator.credentials.create()`, with a one-time challenge. */
  registrationOptions: protectedProcedure.output(ZCreationOptions).mutation(async ({ ctx }) => {
    await requireRecentProof(ctx.db, ctx.session.sessionId);
    return passkeyRegistrationOptions(ctx.db, ctx.session.user);
  }),

  /** Step 2: the browser's answer, checked and kept under the name the person chose. */
  add: protectedProcedure
    .input(ZAddPasskeyInput)
    .output(ZPasskeyView)
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      const added = await addPasskey(ctx.db, ctx.session.user.id, input.name, input.response as RegistrationResponseJSON);
      logServerEvent("passkey.added", { userId: ctx.session.user.id, passkeyId: added.id });
      await tellThePerson(ctx.mailer, ctx.session.user, added.name, "added", await localeOfUser(ctx.db, ctx.session.user.id));
      return added;
    }),

  /** Only the name changes, so no fresh proof is asked for. NOT_FOUND for someone else's passkey. */
  rename: protectedProcedure
    .input(ZRenamePasskeyInput)
    .output(ZPasskeyView.pick({ id: true, name: true }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(passkeys)
        .set({ name: input.name })
        .where(and(eq(passkeys.id, input.id), eq(passkeys.userId, ctx.session.user.id)))
        .returning({ id: passkeys.id, name: passkeys.name });
      if (!row) throw notFound(messageRef("account.errors.passkeyNotFound"));
      return row;
    }),

  remove: protectedProcedure
    .input(ZRemovePasskeyInput)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requireRecentProof(ctx.db, ctx.session.sessionId);
      const [row] = await ctx.db
        .delete(passkeys)
        .where(and(eq(passkeys.id, input.id), eq(passkeys.userId, ctx.session.user.id)))
        .returning({ name: passkeys.name });
      if (!row) throw notFound(messageRef("account.errors.passkeyGone"));
      logServerEvent("passkey.removed", { userId: ctx.session.user.id, passkeyId: input.id });
      await tellThePerson(ctx.mailer, ctx.session.user, row.name, "removed", await localeOfUser(ctx.db, ctx.session.user.id));
      return { removed: true as const };
    }),

  /** "Confirm it's you", step 1: a challenge that only this person's passkeys can answer. */
  confirmOptions: protectedProcedure.output(ZRequestOptions).mutation(({ ctx }) => passkeyConfirmOptions(ctx.db, ctx.session.user.id)),

  /** Step 2: a valid answer marks this session as freshly proved (server/auth/recent-proof.ts). */
  confirm: protectedProcedure
    .input(ZConfirmWithPasskeyInput)
    .output(z.object({ confirmed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await confirmWithPasskey(ctx.db, ctx.session.user.id, input.response as AuthenticationResponseJSON);
      await markProof(ctx);
      return { confirmed: true as const };
    }),
});
