/**
 * Accounts: sign-up, sign-in, password reset and change, deletion; the password rules and the safe
 * redirect after sign-in; an account as its holder sees it.
 */
import type { Route } from "next";
import { z } from "zod";
import { withoutControlCharacters } from "./plain-text";

export const PASSWORD_MIN_LENGTH = 12;

export const PASSWORD_MAX_LENGTH = 200;

/**
 * A short list of very common passwords that pass the length rule. Long, unusual passphrases
 * are what we want; these are what people reach for first. Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456123456", "123123123123",
  "111111111111", "000000000000", "password1234", "password12345", "password123!",
  "passwordpassword", "qwertyuiopas", "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y",
  "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "administrator",
  "abc123abc123", "abcdefghijkl", "abcd1234abcd", "asdfghjkl123", "zxcvbnm12345",
  "trustno1trustno1", "football1234", "baseball1234", "superman1234", "sunshine1234",
  "princess1234", "monkey123456", "dragon123456", "changeme1234", "secondlook123",
  "secondlook2026", "mypassword123", "password0000", "p@ssw0rd1234", "passw0rd1234",
]);

/** Returns a message when the password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    return "This password is too common and easy to guess. Please choose another.";
  }
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (email && (lower === email.toLowerCase() || (localPart && localPart.length >= 4 && lower.includes(localPart)))) {
    return "Your password should not contain your email address.";
  }
  return null;
}

/** Where to go after signing in: only a path on this site, never another site (open redirect). */
export function safeCallbackPath(value: string | null | undefined, fallback: Route = "/cases"): Route {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // A path on this site, checked above; which page it names is up to the router.
  return value as Route;
}

/**
 * zod inputs for account forms, shared by the forms (client) and the account router (server).
 */

export const zEmail = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."))
  .transform((e) => e.toLowerCase());

const zNewPassword = z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const ZSignUpInput = z
  .object({
    name: z.string().overwrite(withoutControlCharacters).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
    email: zEmail,
    password: zNewPassword,
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: zEmail,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
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
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
  password: zNewPassword,
});

export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

/** Deleting one's account is confirmed with the current password. */
export const ZDeleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password to confirm.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
});

export type TDeleteAccountInput = z.input<typeof ZDeleteAccountInput>;

/**
 * An account as its holder sees it (`account.signUp`, `account.me`): never the password hash or the
 * digest setting.
 */
export const ZAccountView = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export type AccountView = z.infer<typeof ZAccountView>;
