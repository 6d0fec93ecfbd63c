/**
 * Passkeys (WebAuthn, through SimpleWebAuthn): adding one to an account, signing in with one, and
 * confirming it's you with one. A passkey is a strong factor on its own — possession of the device's
 * private key plus the device's own check (PIN, fingerprint, face), which every ceremony here requires
 * (`userVerification: "required"`) — so signing in with it needs no password and no second step.
 * Touch this file to change how passkeys are checked; the procedures are in server/routers/passkey.ts.
 */
import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { TRPCError } from "@trpc/server";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passkeys, users } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import { ZAuthenticationResponse, type TPasskeyView } from "@/lib/passkey";
import { logServerEvent } from "@/server/audit-log";
import { fieldError } from "@/server/errors";
import type { SessionUser } from "./sessions";
import { admitWebAuthn, CHALLENGE_TTL_MS, claimChallenge, issueChallenge, relyingParty } from "./webauthn-challenges";

const COULD_NOT_CHECK = messageRef("account.errors.passkeyNotChecked");

/** Whether the person has at least one passkey (a strong factor: it counts as two-step sign-in). */
export async function hasPasskey(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
  return Boolean(row);
}

export async function listPasskeys(db: Db, userId: string): Promise<TPasskeyView[]> {
  const rows = await db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
  return rows.map(({ backedUp, ...row }) => ({ ...row, synced: backedUp }));
}

/** The WebAuthn user handle: the account id's bytes. It names no one (no email or name in it). */
const userHandleOf = (userId: string) => isoUint8Array.fromUTF8String(userId);

// ── Adding a passkey ─────────────────────────────────────────────────────────────────────────────

export async function passkeyRegistrationOptions(db: Db, user: SessionUser): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await admitWebAuthn(db, "account-challenge", user.id);
  const rp = relyingParty();
  const existing = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, user.id));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: userHandleOf(user.id),
    attestationType: "none",
    // The same authenticator twice would be one passkey under two names.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    // Discoverable, so signing in needs no email first; verified by the device, so it is a strong factor.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    timeout: CHALLENGE_TTL_MS,
  });
  await issueChallenge(db, options.challenge, "register", user.id);
  return options;
}

/** Checks the browser's answer to `passkeyRegistrationOptions` and keeps the new passkey under `name`. */
export async function addPasskey(db: Db, userId: string, name: string, response: RegistrationResponseJSON): Promise<TPasskeyView> {
  const rp = relyingParty();
  const challenge = await claimChallenge(db, response.response.clientDataJSON, "register", userId);
  if (!challenge) throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("account.errors.passkeyTooSlow") });
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) throw new TRPCError({ code: "BAD_REQUEST", message: COULD_NOT_CHECK });
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const [row] = await db
    .insert(passkeys)
    .values({
      userId,
      name,
      credentialId: credential.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      multiDevice: credentialDeviceType === "multiDevice",
      backedUp: credentialBackedUp,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp });
  if (!row) throw fieldError("name", messageRef("account.errors.passkeyDuplicate"));
  const { backedUp, ...view } = row;
  return { ...view, synced: backedUp };
}

// ── Using a passkey: signing in, confirming it's you ─────────────────────────────────────────────

/**
 * Options for signing in: no credentials listed, so the browser offers the passkeys it holds for this
 * site. TOO_MANY_REQUESTS when `clientAddress` asked for too many lately.
 */
export async function passkeySignInOptions(db: Db, clientAddress: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  await admitWebAuthn(db, "sign-in-challenge", clientAddress);
  const options = await generateAuthenticationOptions({ rpID: relyingParty().id, userVerification: "required", timeout: CHALLENGE_TTL_MS });
  await issueChallenge(db, options.challenge, "sign-in", null);
  return options;
}

/** Options for confirming it's you: only this person's passkeys. BAD_REQUEST when they have none. */
export async function passkeyConfirmOptions(db: Db, userId: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  await admitWebAuthn(db, "account-challenge", userId);
  const mine = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId));
  if (mine.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("account.errors.noPasskey") });
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: "required",
    timeout: CHALLENGE_TTL_MS,
    allowCredentials: mine.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  await issueChallenge(db, options.challenge, "confirm", userId);
  return options;
}

type AssertionResult = { ok: true; user: SessionUser; passkeyId: string } | { ok: false; reason: "unknown-passkey" | "wrong-account" | "not-verified" };

/**
 * Checks an assertion against the stored passkey it names (of `ownerId`, when given), after its
 * challenge has been claimed; on success moves the signature counter on and notes when the passkey
 * was used.
 */
async function verifyAssertion(db: Db, response: AuthenticationResponseJSON, challenge: string, ownerId?: string): Promise<AssertionResult> {
  const rp = relyingParty();
  const [stored] = await db
    .select({
      id: passkeys.id,
      credentialId: passkeys.credentialId,
      publicKey: passkeys.publicKey,
      counter: passkeys.counter,
      transports: passkeys.transports,
      user: { id: users.id, name: users.name, email: users.email },
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(ownerId ? and(eq(passkeys.credentialId, response.id), eq(passkeys.userId, ownerId)) : eq(passkeys.credentialId, response.id));
  if (!stored) return { ok: false, reason: "unknown-passkey" };
  // A discoverable passkey also says whose it is; it must be the account it was registered to.
  const handle = response.response.userHandle;
  if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(stored.user.id))) return { ok: false, reason: "wrong-account" };
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
    credential: {
      id: stored.credentialId,
      publicKey: isoBase64URL.toBuffer(stored.publicKey),
      counter: stored.counter,
      transports: stored.transports,
    },
  }).catch(() => null);
  // Not verified: a bad signature, another site, no user verification, or a counter that went back.
  if (!verification?.verified) return { ok: false, reason: "not-verified" };
  await db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, backedUp: verification.authenticationInfo.credentialBackedUp, lastUsedAt: new Date() })
    .where(and(eq(passkeys.id, stored.id), eq(passkeys.userId, stored.user.id)));
  return { ok: true, user: stored.user, passkeyId: stored.id };
}

/**
 * Signing in with a passkey (the "passkey" provider, server/auth/passkey-provider.ts): the person
 * behind a valid assertion to a sign-in challenge, or null. A signature from the device cannot be
 * guessed and each challenge works once, so there is no per-account lock; answers are only counted
 * per IP address (TOO_MANY_REQUESTS over the limit), as challenges are. Every outcome is logged.
 */
export async function verifyPasskeySignIn(db: Db, input: unknown, clientAddress: string): Promise<SessionUser | null> {
  try {
    await admitWebAuthn(db, "sign-in-answer", clientAddress);
  } catch (error) {
    logServerEvent("passkey.sign-in-refused", { reason: "throttled" });
    throw error;
  }
  const parsed = ZAuthenticationResponse.safeParse(input);
  if (!parsed.success) {
    logServerEvent("passkey.sign-in-refused", { reason: "malformed" });
    return null;
  }
  const response = parsed.data as AuthenticationResponseJSON;
  const challenge = await claimChallenge(db, response.response.clientDataJSON, "sign-in", null);
  if (!challenge) {
    logServerEvent("passkey.sign-in-refused", { reason: "unknown-or-expired-challenge" });
    return null;
  }
  const result = await verifyAssertion(db, response, challenge);
  if (!result.ok) {
    logServerEvent("passkey.sign-in-refused", { reason: result.reason });
    return null;
  }
  logServerEvent("passkey.signed-in", { userId: result.user.id, passkeyId: result.passkeyId });
  return result.user;
}

/** "Confirm it's you" with one of this person's passkeys: throws unless it checks out (the caller then records the proof). */
export async function confirmWithPasskey(db: Db, userId: string, response: AuthenticationResponseJSON): Promise<void> {
  const session = { userId };
  const challenge = await claimChallenge(db, response.response.clientDataJSON, "confirm", session.userId);
  if (!challenge) {
    logServerEvent("passkey.confirm-refused", { userId: session.userId, reason: "unknown-or-expired-challenge" });
    throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("account.errors.confirmTooSlow") });
  }
  const result = await verifyAssertion(db, response, challenge, session.userId);
  if (!result.ok) {
    logServerEvent("passkey.confirm-refused", { userId: session.userId, reason: result.reason });
    throw new TRPCError({ code: "BAD_REQUEST", message: COULD_NOT_CHECK });
  }
  logServerEvent("passkey.confirmed", { userId: session.userId, passkeyId: result.passkeyId });
}
