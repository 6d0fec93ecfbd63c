"use server";
/**
 * Server actions for signing in with a passkey, called from the sign-in page (which loads no tRPC
 * client): the options with a one-time challenge, then the browser's answer, which the "passkey"
 * provider checks (server/auth/passkey-provider.ts) before next-auth opens the session.
 */
import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { CredentialsSignin } from "next-auth";
import { safeCallbackPath } from "@/lib/account";
import { messageRef } from "@/lib/i18n/message-ref";
import { getDb } from "@/server/database/connection";
import type { SignInState } from "./actions";
import { signIn } from "./index";
import { PASSKEY_PROVIDER_ID } from "./passkey-provider";
import { passkeySignInOptions } from "./passkeys";

export async function passkeySignInOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return passkeySignInOptions(await getDb());
}

export async function signInWithPasskey(response: unknown, callbackUrl?: string): Promise<SignInState> {
  try {
    await signIn(PASSKEY_PROVIDER_ID, { response: JSON.stringify(response ?? null), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { ok: false, message: messageRef("signIn.passkey.refused") };
    }
    throw error;
  }
  return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
}
