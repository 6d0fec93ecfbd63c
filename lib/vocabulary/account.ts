/** The account vocabulary the browser loads at once, without zod; `lib/account.ts` (the contract) re-exports it. */
import type { Route } from "next";
import { messageRef } from "../i18n/message-ref";

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

/** Returns a message reference (lib/i18n/message-ref.ts) when the password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return messageRef("signIn.validation.passwordTooShort", { min: PASSWORD_MIN_LENGTH });
  }
  if (password.length > PASSWORD_MAX_LENGTH) return messageRef("signIn.validation.tooLong", { max: PASSWORD_MAX_LENGTH });
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    return messageRef("signIn.validation.passwordTooCommon");
  }
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (email && (lower === email.toLowerCase() || (localPart && localPart.length >= 4 && lower.includes(localPart)))) {
    return messageRef("signIn.validation.passwordHasEmail");
  }
  return null;
}

/** Stands in for this site while a callback path is parsed; never shown or followed. */
const PARSE_ORIGIN = "http://secondlook.invalid";

/**
 * Where to go after signing in: only a path on this site, never another site (open redirect).
 * The value is parsed as a URL the way a browser would (which drops tabs and newlines and reads `\` as
 * `/`, so `/<tab>/evil.example` would become `//evil.example`); anything with control characters or
 * backslashes, or that parses to another origin, gives the fallback. The answer is the parsed path,
 * so what is checked is what is followed.
 */
export function safeCallbackPath(value: string | null | undefined, fallback: Route = "/cases"): Route {
  if (typeof value !== "string" || !value.startsWith("/") || /[\p{Cc}\\]/u.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PARSE_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== PARSE_ORIGIN || !path.startsWith("/") || path.startsWith("//")) return fallback;
  // A path on this site, checked above; which page it names is up to the router.
  return path as Route;
}
