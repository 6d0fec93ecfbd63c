/**
 * The next-auth "passkey" provider: signing in with a passkey's assertion instead of a password.
 * It does not go through the password path (no per-account throttle, no second step): a passkey checked
 * by its device is a strong factor on its own (server/auth/passkeys.ts). Answers are counted per IP. The session it opens counts
 * as freshly proved, like any sign-in (auth_sessions.proved_at starts at now()).
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { CredentialsSignin } from "next-auth";
import { requestClientAddress } from "@/server/http/client-address";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/server/database/connection";
import { sessionOriginOf } from "./sessions";
import { verifyPasskeySignIn } from "./passkeys";

export const PASSKEY_PROVIDER_ID = "passkey";

/** One code for every refusal: the form says the passkey could not be used, and nothing more. */
class PasskeyRefused extends CredentialsSignin {
  code = "passkey";
}
/** Too many answers from this address lately. */
export class PasskeyThrottled extends CredentialsSignin {
  code = "passkey-throttled";
}

export function passkeyProvider() {
  return Credentials({
    id: PASSKEY_PROVIDER_ID,
    name: "Passkey",
    credentials: { response: {} },
    async authorize(credentials, request) {
      let response: unknown;
      try {
        response = JSON.parse(typeof credentials?.response === "string" ? credentials.response : "");
      } catch {
        throw new PasskeyRefused();
      }
      const user = await verifyPasskeySignIn(await getDb(), response, requestClientAddress(request.headers)).catch((error: unknown) => {
        if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS") throw new PasskeyThrottled();
        throw error;
      });
      if (!user) throw new PasskeyRefused();
      // For the devices list on /account (server/auth/sessions.ts).
      return { ...user, sessionOrigin: sessionOriginOf(request) };
    },
  });
}
