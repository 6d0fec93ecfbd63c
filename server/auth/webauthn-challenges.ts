/**
 * One-time WebAuthn challenges, kept server-side. Each ceremony (adding a passkey, signing in,
 * confirming it's you) gets a fresh random challenge that the authenticator signs; the answer is
 * accepted only if it quotes a challenge issued here, for that purpose (and person), not yet expired,
 * and the claim deletes it, so a captured answer cannot be replayed.
 */
import "server-only";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Db } from "@/db/client";
import { webauthnChallenges } from "@/db/schema";
import { config } from "@/server/env";

export type WebAuthnPurpose = (typeof webauthnChallenges.$inferInsert)["purpose"];

/** How long the browser has to answer (it also tells the authenticator, as the ceremony's timeout). */
export const CHALLENGE_TTL_MS = 5 * 60_000;

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
