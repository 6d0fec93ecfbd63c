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
import { messageRef } from "@/lib/i18n/message-ref";
import { getDb } from "@/server/database/connection";
import { getMailer } from "@/server/mail";
import { requestSignInLink, requestTwoStepResetLink } from "./email-links";
import { cancelTwoStepReset, startTwoStepReset } from "./two-step-reset";
import { challengeUserId } from "./two-step";
import { clearTwoStepChallengeCookie, linkBrowserSecret, newSecret, setTwoStepChallengeCookie, twoStepChallengeCookie } from "./factor-cookies";
import { requestClientAddress } from "@/server/http/client-address";
import { signIn } from "./index";

export type FactorState = { ok: true; redirectTo: Route } | { ok: false; message: string };
/** Every `message` here is a message reference (lib/i18n/message-ref.ts), put in words by the page that shows it. */
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
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? messageRef("signIn.validation.emailMissing") };
  const browserSecret = (await linkBrowserSecret(true)) ?? newSecret();
  const result = await requestSignInLink(await getDb(), getMailer(), {
    email: parsed.data,
    ip: await requestIp(),
    browserSecret,
    callbackPath: safeCallbackPath(callbackUrl),
  });
  if (!result.sent) {
    return { ok: false, message: messageRef("signIn.emailLink.tooMany", { minutes: result.retryAfterMinutes }) };
  }
  return { ok: true, message: messageRef("signIn.emailLink.sent", { email: parsed.data }) };
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
      return { ok: false, message: messageRef("signIn.emailLink.notUsable") };
    }
    throw error;
  }
  return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
}

const CODE_MESSAGES: Record<string, string> = {
  "code-wrong": messageRef("signIn.twoStep.codeWrong"),
  "code-throttled": messageRef("signIn.twoStep.codeThrottled"),
  "code-expired": messageRef("signIn.twoStep.codeExpired"),
};

export async function signInWithSecondStepAction(code: string, callbackUrl?: string): Promise<FactorState> {
  const challenge = await twoStepChallengeCookie();
  if (!challenge) return { ok: false, message: CODE_MESSAGES["code-expired"]! };
  try {
    await signIn("two-step", { challenge, code: String(code ?? ""), redirect: false });
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
  if (!result.sent) return { ok: false, message: messageRef("signIn.errors.tooManyLinks", { minutes: result.retryAfterMinutes }) };
  return { ok: true, message: messageRef("signIn.recover.requested") };
}

export async function startTwoStepResetAction(token: string): Promise<LinkRequestState> {
  const started = await startTwoStepReset(await getDb(), getMailer(), { token: String(token), browserSecret: await linkBrowserSecret(false) });
  if (!started) return { ok: false, message: messageRef("signIn.recover.startUnusable") };
  // The moment as a number: the page shows it in the reader's language and time zone (two-step-recovery.tsx).
  return { ok: true, message: messageRef("signIn.recover.started", { endsAt: started.endsAt.getTime() }) };
}

export async function cancelTwoStepResetAction(token: string): Promise<LinkRequestState> {
  if (await cancelTwoStepReset(await getDb(), String(token))) {
    return { ok: true, message: messageRef("signIn.recover.cancelled") };
  }
  return { ok: false, message: messageRef("signIn.recover.nothingToCancel") };
}
