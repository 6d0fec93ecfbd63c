/**
 * One-time WebAuthn challenges, kept server-side. Each ceremony (adding a passkey, signing in,
 * confirming it's you) gets a fresh random challenge that the authenticator signs; the answer is
 * accepted only if it quotes a challenge issued here, for that purpose (and person), not yet expired,
 * and the claim deletes it, so a captured answer cannot be replayed.
 */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import { webauthnChallenges } from "@/db/schema";
import { config } from "@/server/env";
import { takeSlot } from "./rate-limit";

export type WebAuthnPurpose = (typeof webauthnChallenges.$inferInsert)["purpose"];

/** How long the browser has to answer (it also tells the authenticator, as the ceremony's timeout). */
export const CHALLENGE_TTL_MS = 5 * 60_000;

export const WEBAUTHN_WINDOW_MINUTES = 15;
/**
 * Signing in with a passkey, per IP address and window: challenges issued and, separately, answers
 * checked, each up to PASSKEY_SIGN_INS_PER_IP (default 60; the sign-in page asks for a challenge on
 * every load, for the browser's suggestions, so this is well above one person's need). A signature
 * cannot be guessed, but each costs the server work and a database row.
 */
/** Adding a passkey or confirming with one (signed in): per account, so a shared address does not matter. */
export const CHALLENGES_PER_ACCOUNT = 20;

export const PASSKEY_THROTTLED_MESSAGE = messageRef("signIn.passkey.throttled", { minutes: WEBAUTHN_WINDOW_MINUTES });

/**
 * Counts one passkey request against its limit (server/auth/rate-limit.ts); over it, TOO_MANY_REQUESTS,
 * the code every other throttle answers with.
 */
export async function admitWebAuthn(db: Db, what: "sign-in-challenge" | "sign-in-answer" | "account-challenge", key: string): Promise<void> {
  const limit = what === "account-challenge" ? CHALLENGES_PER_ACCOUNT : config().passkeySignInsPerIp;
  if (await takeSlot(db, [{ bucket: `webauthn:${what}`, key, limit, windowMinutes: WEBAUTHN_WINDOW_MINUTES }])) return;
  throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: PASSKEY_THROTTLED_MESSAGE });
}

/** Who the passkeys belong to: this site's host name, and the exact origin pages are served from. */
export function relyingParty(): { id: string; origin: string; name: string } {
  const url = new URL(config().appUrl);
  return { id: url.hostname, origin: url.origin, name: "SecondLook" };
}

export async function issueChallenge(db: Db, challenge: string, purpose: WebAuthnPurpose, userId: string | null): Promise<void> {
  // Expired challenges are cleared as new ones are issued, so abandoned ceremonies do not pile up.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date()));
  await db.insert(webauthnChallenges).values({ challenge, purpose, userId, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) });
}

/**
 * Claims the challenge that the browser's answer quotes (in its clientDataJSON): returns it, deleted,
 * when it was issued here for this purpose and person and has not expired; otherwise null.
 * The signature over it is checked afterwards by SimpleWebAuthn.
 */
export async function claimChallenge(db: Db, clientDataJSON: string, purpose: WebAuthnPurpose, userId: string | null): Promise<string | null> {
  let quoted: unknown;
  try {
    quoted = (JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)) as { challenge?: unknown }).challenge;
  } catch {
    return null;
  }
  if (typeof quoted !== "string" || quoted.length === 0 || quoted.length > 200) return null;
  const [claimed] = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, quoted),
        eq(webauthnChallenges.purpose, purpose),
        userId ? eq(webauthnChallenges.userId, userId) : isNull(webauthnChallenges.userId),
        gt(webauthnChallenges.expiresAt, new Date()),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  return claimed?.challenge ?? null;
}
