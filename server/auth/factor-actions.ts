"use server";
/**
 * Server actions of the sign-in factors beside the password: asking for and using an emailed sign-in
 * link, and the two-step code. They hold the httpOnly cookies (factor-cookies.ts); next-auth's
 * providers (factor-providers.ts) do the checking.
 */
import type { Route } from "next";
import "server-only";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { safeCallbackPath, zEmail } from "@/lib/account";
import { getDb } from "@/server/database/connection";
import { getMailer } from "@/server/mail";
import { consumeLink, requestSignInLink, requestTwoStepResetLink } from "./email-links";
import { markProof } from "./recent-proof";
import { setSessionCookie } from "./session-cookie";
import { cancelTwoStepReset, startTwoStepReset } from "./two-step-reset";
import { challengeUserId } from "./two-step";
import {
  clearTwoStepChallengeCookie,
  linkBrowserSecret,
  newSecret,
  setTwoStepChallengeCookie,
  twoStepChallengeCookie,
  twoStepRemembered,
} from "./factor-cookies";
import { requestClientAddress } from "@/server/http/client-address";
import { getSession, signIn } from "./index";

export type FactorState = { ok: true; redirectTo: Route } | { ok: false; message: string };
export type LinkRequestState = { ok: true; message: string } | { ok: false; message: string };

/** The code page, keeping where the person was going. */
export async function twoStepPath(callbackUrl: string | undefined): Promise<Route> {
  const next = safeCallbackPath(callbackUrl);
  return `/sign-in/two-step?callbackUrl=${encodeURIComponent(next)}` as Route;
}

async function requestIp(): Promise<string> {
  return requestClientAddress(await headers());
}

/** Same words whether or not the address has an account. */
export async function requestSignInLinkAction(email: unknown, callbackUrl?: string): Promise<LinkRequestState> {
  const parsed = zEmail.safeParse(email);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Enter your email address." };
  const browserSecret = (await linkBrowserSecret(true)) ?? newSecret();
  const result = await requestSignInLink(await getDb(), getMailer(), {
    email: parsed.data,
    ip: await requestIp(),
    browserSecret,
    callbackPath: safeCallbackPath(callbackUrl),
  });
  if (!result.sent) {
    const unit = result.retryAfterMinutes === 1 ? "minute" : "minutes";
    return { ok: false, message: `Too many sign-in links were asked for. For your safety, please try again in ${result.retryAfterMinutes} ${unit}.` };
  }
  return {
    ok: true,
    message: `If ${parsed.data} has a SecondLook account, we have emailed it a sign-in link. Open it on this device within 15 minutes.`,
  };
}

export async function signInWithEmailLinkAction(token: string, callbackUrl?: string): Promise<FactorState> {
  const challenge = newSecret();
  try {
    await signIn("email-link", { token, browser: (await linkBrowserSecret(false)) ?? "", challenge, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "two-step") {
        await setTwoStepChallengeCookie(challenge);
        return { ok: true, redirectTo: await twoStepPath(callbackUrl) };
      }
      return { ok: false, message: "This sign-in link has expired, was already used, or was asked for on another device. Please ask for a new one." };
    }
    throw error;
  }
  return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
}

const CODE_MESSAGES: Record<string, string> = {
  "code-wrong": "That code did not work. Check your authenticator app and type the 6-digit code it shows now, or use a recovery code.",
  "code-throttled": "Too many wrong codes. For your safety, please wait 15 minutes and sign in again.",
  "code-expired": "This sign-in step has ended. Please sign in again.",
};

export async function signInWithSecondStepAction(code: string, callbackUrl?: string): Promise<FactorState> {
  const challenge = await twoStepChallengeCookie();
  if (!challenge) return { ok: false, message: CODE_MESSAGES["code-expired"]! };
  try {
    // Credentials travel as form fields: the choice is sent as text (read in factor-providers.ts).
    const keepSignedIn = (await twoStepRemembered()) ? "1" : "";
    await signIn("two-step", { challenge, code: String(code ?? ""), keepSignedIn, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { ok: false, message: CODE_MESSAGES[error.code] ?? CODE_MESSAGES["code-wrong"]! };
    throw error;
  }
  await clearTwoStepChallengeCookie();
  return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
}

/** From the code page: email a link that starts the 24-hour two-step reset (only mid-sign-in, after a first factor). */
export async function requestTwoStepResetAction(): Promise<LinkRequestState> {
  const challenge = await twoStepChallengeCookie();
  const db = await getDb();
  const userId = challenge ? await challengeUserId(db, challenge) : null;
  if (!userId) return { ok: false, message: CODE_MESSAGES["code-expired"]! };
  const browserSecret = (await linkBrowserSecret(true)) ?? newSecret();
  const result = await requestTwoStepResetLink(db, getMailer(), { userId, ip: await requestIp(), browserSecret });
  if (!result.sent) return { ok: false, message: `Too many links were asked for. Please try again in ${result.retryAfterMinutes} minutes.` };
  return { ok: true, message: "We have emailed you a link. Open it on this device within 15 minutes to start the 24-hour wait." };
}

export async function startTwoStepResetAction(token: string): Promise<LinkRequestState> {
  const started = await startTwoStepReset(await getDb(), getMailer(), { token: String(token), browserSecret: await linkBrowserSecret(false) });
  if (!started) return { ok: false, message: "This link has expired, was already used, or was asked for on another device. Please sign in and ask again." };
  return {
    ok: true,
    message: `Started. Two-step sign-in will be turned off on ${started.endsAt.toUTCString()}, unless you cancel it from the email we just sent. Then sign in with your password or an emailed link alone.`,
  };
}

export async function cancelTwoStepResetAction(token: string): Promise<LinkRequestState> {
  if (await cancelTwoStepReset(await getDb(), String(token))) {
    return { ok: true, message: "Cancelled. Two-step sign-in stays on. If you did not start this, change your password now: someone knows it." };
  }
  return { ok: false, message: "There is nothing to cancel: the wait has already ended or was cancelled." };
}

/**
 * Uses a "confirm it's you" link (emailed to a signed-in person, server/routers/email-link.ts) on a
 * click: it works only in the session that asked for it, and the session is then rotated, so this
 * answer carries the new session cookie (server/auth/recent-proof.ts).
 */
export async function confirmWithEmailLinkAction(token: string): Promise<LinkRequestState> {
  const session = await getSession();
  if (!session) return { ok: false, message: "You are signed out. Please sign in, then ask for a new link from your account page." };
  const db = await getDb();
  const used = typeof token === "string" && token.length <= 200 ? await consumeLink(db, "confirm", token, undefined, session.sessionId) : null;
  if (!used) {
    return {
      ok: false,
      message:
        "This link has expired, was already used, or was asked for in another browser. Open it in the browser where you asked for it, or ask for a new one from your account page.",
    };
  }
  await markProof({ db, session: { sessionId: session.sessionId }, replaceSessionCookie: (sessionId) => setSessionCookie(session.user, sessionId) });
  return { ok: true, message: "Thank you: you have confirmed it's you. For the next 10 minutes you can change your security settings." };
}
