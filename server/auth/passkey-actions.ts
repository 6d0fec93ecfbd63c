"use server";
/**
 * Server actions for signing in with a passkey, called from the sign-in page (which loads no tRPC
 * client): the options with a one-time challenge, then the browser's answer, which the "passkey"
 * provider checks (server/auth/passkey-provider.ts) before next-auth opens the session.
 */
import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { TRPCError } from "@trpc/server";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { safeCallbackPath } from "@/lib/account";
import { messageRef } from "@/lib/i18n/message-ref";
import { getDb } from "@/server/database/connection";
import { requestClientAddress } from "@/server/http/client-address";
import type { SignInState } from "./actions";
import { signIn } from "./index";
import { PASSKEY_PROVIDER_ID } from "./passkey-provider";
import { passkeySignInOptions } from "./passkeys";
import { PASSKEY_THROTTLED_MESSAGE } from "./webauthn-challenges";

export type PasskeyOptionsState = { ok: true; options: PublicKeyCredentialRequestOptionsJSON } | { ok: false; message: string };

/** Options with a one-time challenge, or the throttle's words when this address asked for too many. */
export async function passkeySignInOptionsAction(): Promise<PasskeyOptionsState> {
  try {
    return { ok: true, options: await passkeySignInOptions(await getDb(), requestClientAddress(await headers())) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS") return { ok: false, message: PASSKEY_THROTTLED_MESSAGE };
    throw error;
  }
}

export async function signInWithPasskey(response: unknown, callbackUrl?: string): Promise<SignInState> {
  try {
    await signIn(PASSKEY_PROVIDER_ID, { response: JSON.stringify(response ?? null), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "passkey-throttled") return { ok: false, message: PASSKEY_THROTTLED_MESSAGE };
      return { ok: false, message: messageRef("signIn.passkey.refused") };
    }
    throw error;
  }
  return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
}
