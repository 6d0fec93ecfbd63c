/**
 * The two httpOnly cookies of the sign-in factors: the random value that binds an emailed sign-in link
 * to the browser that asked for it, and the one that carries a sign-in from its first factor to its
 * two-step code. Neither holds anything but a random value; the database keeps their hashes.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { config } from "@/server/env";
import { EMAIL_LINK_TTL_MS } from "./email-links";
import { CHALLENGE_TTL_MS } from "./two-step";

const LINK_BROWSER_COOKIE = "secondlook.link-browser";
const TWO_STEP_COOKIE = "secondlook.two-step";

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

export async function setTwoStepChallengeCookie(secret: string): Promise<void> {
  await setCookie(TWO_STEP_COOKIE, secret, CHALLENGE_TTL_MS);
}

export async function twoStepChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(TWO_STEP_COOKIE)?.value;
}

export async function clearTwoStepChallengeCookie(): Promise<void> {
  (await cookies()).delete(TWO_STEP_COOKIE);
}
