/**
 * The httpOnly cookies of the sign-in factors: the random value that binds an emailed sign-in link
 * to the browser that asked for it, and the one that carries a sign-in from its first factor to its
 * two-step code. Neither holds anything but a random value; the database keeps their hashes. Beside
 * the second rides the person's "keep me signed in" choice, so the code step opens the session they
 * asked for (it is their own choice about their own browser: nothing to protect from them).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { config } from "@/server/env";
import { EMAIL_LINK_TTL_MS } from "./email-links";
import { CHALLENGE_TTL_MS } from "./two-step";

const LINK_BROWSER_COOKIE = "secondlook.link-browser";
const TWO_STEP_COOKIE = "secondlook.two-step";
const TWO_STEP_REMEMBER_COOKIE = "secondlook.two-step-remember";

export const newSecret = () => randomBytes(32).toString("base64url");

async function setCookie(name: string, value: string, maxAgeMs: number) {
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().secureCookies,
    path: "/",
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** This browser's link-binding value, created when it first asks for a link (kept for a day, so several requests share it). */
export async function linkBrowserSecret(create: boolean): Promise<string | undefined> {
  const existing = (await cookies()).get(LINK_BROWSER_COOKIE)?.value;
  if (existing || !create) return existing;
  const secret = newSecret();
  await setCookie(LINK_BROWSER_COOKIE, secret, Math.max(EMAIL_LINK_TTL_MS, 24 * 60 * 60_000));
  return secret;
}

export async function setTwoStepChallengeCookie(secret: string, choice: { remembered: boolean } = { remembered: false }): Promise<void> {
  await setCookie(TWO_STEP_COOKIE, secret, CHALLENGE_TTL_MS);
  if (choice.remembered) await setCookie(TWO_STEP_REMEMBER_COOKIE, "1", CHALLENGE_TTL_MS);
  else (await cookies()).delete(TWO_STEP_REMEMBER_COOKIE);
}

export async function twoStepChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(TWO_STEP_COOKIE)?.value;
}

/** Whether the first factor of the sign-in under way came with "keep me signed in". */
export async function twoStepRemembered(): Promise<boolean> {
  return (await cookies()).get(TWO_STEP_REMEMBER_COOKIE)?.value === "1";
}

export async function clearTwoStepChallengeCookie(): Promise<void> {
  const jar = await cookies();
  jar.delete(TWO_STEP_COOKIE);
  jar.delete(TWO_STEP_REMEMBER_COOKIE);
}
