/**
 * Accounts: sign-up, sign-in, password reset and change, deletion; the password rules and the safe
 * redirect after sign-in; an account as its holder sees it.
 */
import { z } from "zod";
import { messageRef } from "./i18n/message-ref";
import { withoutControlCharacters } from "./plain-text";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "./vocabulary/account";
export * from "./vocabulary/account";

/**
 * zod inputs for account forms, shared by the forms (client) and the account router (server). Their messages
 * are message references (lib/i18n/message-ref.ts), put in words in the reader's language where shown.
 */

export const zEmail = z
  .string()
  .trim()
  .min(1, messageRef("signIn.validation.emailMissing"))
  .max(254, messageRef("signIn.validation.emailTooLong"))
  .pipe(z.email(messageRef("signIn.validation.emailInvalid")))
  .transform((e) => e.toLowerCase());

const PASSWORD_TOO_LONG = messageRef("signIn.validation.passwordTooLong");

const zNewPassword = z.string().max(PASSWORD_MAX_LENGTH, messageRef("signIn.validation.tooLong", { max: PASSWORD_MAX_LENGTH }));

export const ZSignUpInput = z
  .object({
    name: z.string().overwrite(withoutControlCharacters).trim().min(1, messageRef("signIn.validation.nameMissing")).max(100, messageRef("signIn.validation.tooLong", { max: 100 })),
    email: zEmail,
    password: zNewPassword,
    /** Where to go once the emailed link is opened (kept only if it is a path on this site). */
    callbackUrl: z.string().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: zEmail,
  password: z.string().min(1, messageRef("signIn.validation.passwordMissing")).max(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG),
  /** "Keep me signed in on this device" (server/auth/sessions.ts). */
  remember: z.boolean().optional(),
});

export type TSignInInput = z.input<typeof ZSignInInput>;

export const ZRequestPasswordResetInput = z.object({ email: zEmail });

export type TRequestPasswordResetInput = z.input<typeof ZRequestPasswordResetInput>;

export const ZResetPasswordInput = z
  .object({
    // The link's token, never typed: zod's default messages.
    token: z.string().min(1).max(200),
    password: zNewPassword,
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type TResetPasswordInput = z.input<typeof ZResetPasswordInput>;

/** The new password is checked against the account's email on the server (the form checks it too). */
export const ZChangePasswordInput = z.object({
  /** Left out by an account without a password, which gives a fresh "confirm it's you" instead. */
  currentPassword: z.string().min(1, messageRef("signIn.validation.currentPasswordMissing")).max(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG).optional(),
  password: zNewPassword,
});

export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

/** Deleting one's account is confirmed with the current password (or, without one, a fresh proof). */
export const ZDeleteAccountInput = z.object({
  password: z.string().min(1, messageRef("signIn.validation.confirmPasswordMissing")).max(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG).optional(),
});

export type TDeleteAccountInput = z.input<typeof ZDeleteAccountInput>;

/**
 * An account as its holder sees it (`account.me`): never the password hash or the
 * digest setting.
 */
export const ZAccountView = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export type AccountView = z.infer<typeof ZAccountView>;
