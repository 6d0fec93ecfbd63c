/**
 * zod inputs for account forms, shared by the forms (client) and the account router (server).
 * Written with `zod/mini` (the same rules and messages as the classic API, tree-shakable): these forms
 * are on the signed-out pages, whose JavaScript should stay small. Every message a person can see is
 * given here, since zod/mini carries no default messages.
 */
import * as z from "zod/mini";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "./password-rules";
import { withoutControlCharacters } from "./plain-text";

export const zEmail = z.pipe(
  z.string().check(z.trim(), z.minLength(1, "Enter your email address."), z.maxLength(254, "That email address is too long.")),
  z.pipe(
    z.email("Enter an email address like name@example.com."),
    z.transform((e: string) => e.toLowerCase()),
  ),
);

const zNewPassword = z.string().check(z.maxLength(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`));

export const ZSignUpInput = z
  .object({
    name: z
      .string()
      .check(z.overwrite(withoutControlCharacters), z.trim(), z.minLength(1, "Enter your name."), z.maxLength(100, "Use at most 100 characters.")),
    email: zEmail,
    password: zNewPassword,
  })
  .check(
    z.superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, v.email);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }),
  );
export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: zEmail,
  password: z.string().check(z.minLength(1, "Enter your password."), z.maxLength(PASSWORD_MAX_LENGTH, "That password is too long.")),
});
export type TSignInInput = z.input<typeof ZSignInInput>;

export const ZRequestPasswordResetInput = z.object({ email: zEmail });
export type TRequestPasswordResetInput = z.input<typeof ZRequestPasswordResetInput>;

export const ZResetPasswordInput = z
  .object({
    // The link's token, never typed; the messages are zod's classic defaults.
    token: z
      .string()
      .check(
        z.minLength(1, "Too small: expected string to have >=1 characters"),
        z.maxLength(200, "Too big: expected string to have <=200 characters"),
      ),
    password: zNewPassword,
  })
  .check(
    z.superRefine((v, ctx) => {
      const problem = passwordProblem(v.password);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }),
  );
export type TResetPasswordInput = z.input<typeof ZResetPasswordInput>;

/** The new password is checked against the account's email on the server (the form checks it too). */
export const ZChangePasswordInput = z.object({
  currentPassword: z
    .string()
    .check(z.minLength(1, "Enter your current password."), z.maxLength(PASSWORD_MAX_LENGTH, "That password is too long.")),
  password: zNewPassword,
});
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

/** Deleting one's account is confirmed with the current password. */
export const ZDeleteAccountInput = z.object({
  password: z.string().check(z.minLength(1, "Enter your password to confirm."), z.maxLength(PASSWORD_MAX_LENGTH, "That password is too long.")),
});
export type TDeleteAccountInput = z.input<typeof ZDeleteAccountInput>;
