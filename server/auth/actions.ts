"use server";
/** Server actions for signing in and out, called from the sign-in form and the account menu. */
import type { Route } from "next";
import "server-only";
import { CredentialsSignin } from "next-auth";
import { ZSignInInput, safeCallbackPath } from "@/lib/account";
import { messageRef } from "@/lib/i18n/message-ref";
import { getDb } from "@/server/database/connection";
import { newSecret, setTwoStepChallengeCookie } from "./factor-cookies";
import { twoStepPath } from "./factor-actions";
import { getSession, signIn, signOut } from "./index";
import { revokeUserSessions } from "./sessions";

/** `message` is a message reference (lib/i18n/message-ref.ts): the form puts it in the reader's words. */
export type SignInState = { ok: true; redirectTo: Route } | { ok: false; message: string };

/** One message for a wrong email or a wrong password, so neither is revealed. */
const INVALID_MESSAGE = messageRef("signIn.errors.wrongEmailOrPassword");

export async function signInWithPassword(input: unknown, callbackUrl?: string): Promise<SignInState> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_MESSAGE };
  const challenge = newSecret();
  try {
    const { remember, ...credentials } = parsed.data;
    // Credentials travel as form fields: the choice is sent as text (read in server/auth/index.ts).
    await signIn("credentials", { ...credentials, challenge, keepSignedIn: remember ? "1" : "", redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "two-step") {
        await setTwoStepChallengeCookie(challenge);
        return { ok: true, redirectTo: await twoStepPath(callbackUrl) };
      }
      const minutes = /^throttled-(\d+)$/.exec(error.code)?.[1];
      if (minutes) {
        return { ok: false, message: messageRef("signIn.errors.throttled", { minutes: Number(minutes) }) };
      }
      return { ok: false, message: INVALID_MESSAGE };
    }
    throw error;
  }
  return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Ends every session of this account, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const session = await getSession();
  if (session) await revokeUserSessions(await getDb(), session.user.id);
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}

/**
 * Signs out and continues at a path on this site, e.g. an invitation opened while signed in with
 * another account goes on to sign-in with the invited address. Only local paths are followed.
 */
export async function signOutAndGoTo(path: string): Promise<void> {
  await signOut({ redirectTo: safeCallbackPath(typeof path === "string" ? path : null, "/sign-in") });
}
