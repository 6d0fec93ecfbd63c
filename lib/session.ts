/** Contracts of the session router (server/routers/session.ts): the person's signed-in devices. */
import { z } from "zod";
import { messageRef } from "./i18n/message-ref";
import { PASSWORD_MAX_LENGTH } from "./vocabulary/account";

export const ZSessionView = z.object({
  id: z.uuid(),
  /** e.g. "Firefox 128", or "An unknown browser". */
  browser: z.string(),
  /** e.g. "Windows 10 · desktop", or "An unknown system". */
  system: z.string(),
  /** The address it signed in from, as the server saw it; null when unknown. */
  ip: z.string().nullable(),
  /** A rough place ("Berlin, Germany", "This network"); null when unknown, never a guess. */
  place: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  /** "Keep me signed in on this device" was chosen. */
  remembered: z.boolean(),
  /** The browser asking. */
  current: z.boolean(),
});

export type TSessionView = z.infer<typeof ZSessionView>;

export const ZEndSessionInput = z.object({ sessionId: z.uuid(messageRef("account.validation.sessionInvalid")) });

export const ZConfirmIdentityInput = z.object({
  password: z.string().min(1, messageRef("signIn.validation.passwordMissing")).max(PASSWORD_MAX_LENGTH, messageRef("signIn.validation.passwordTooLong")),
});

export type TConfirmIdentityInput = z.input<typeof ZConfirmIdentityInput>;

/** The ways this person can "confirm it's you" (session.confirmWays): the dialog offers exactly these. */
export const ZConfirmWays = z.object({
  password: z.boolean(),
  twoStep: z.boolean(),
  passkey: z.boolean(),
  emailLink: z.boolean(),
});

export type TConfirmWays = z.infer<typeof ZConfirmWays>;
