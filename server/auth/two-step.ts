/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps, SHA-1 as
 * every app supports) and ten one-time recovery codes. The secret is kept encrypted (AES-256-GCM, key
 * derived from AUTH_SECRET); recovery codes only as SHA-256. A code is accepted one step either side of
 * now, and never twice: the last accepted step is stored and only a later one passes.
 * Guessing is capped per sign-in challenge and per person (see `MAX_FAILURES_*`).
 */
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { encodeBase32NoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { and, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passkeys, recoveryCodes, twoStepChallenges, twoStepCredentials, users } from "@/db/schema";
import { config, resolveAuthSecret } from "@/server/env";
import { hashToken } from "./tokens";

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_TTL_MS = 10 * 60_000;
/** Wrong codes allowed on one sign-in challenge before it is spent (sign in again). */
export const MAX_FAILURES_PER_CHALLENGE = 5;
/** Wrong codes allowed per person within the window, across challenges and confirmations. */
export const MAX_FAILURES_PER_PERSON = 10;
export const FAILURE_WINDOW_MINUTES = 15;

// ── The secret, encrypted at rest ────────────────────────────────────────────────────────────────

function encryptionKey(): Buffer {
  return createHash("sha256").update(`secondlook two-step secret v1:${resolveAuthSecret(config())}`).digest();
}

function encryptSecret(secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

function decryptSecret(stored: string): Uint8Array {
  const [iv, tag, body] = stored.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("stored two-step secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), iv);
  decipher.setAuthTag(tag);
  return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
}

// ── Codes ────────────────────────────────────────────────────────────────────────────────────────

export function currentStep(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code an app shows for `secret` at `now` (tests compute real codes with it). */
export function totpCodeAt(secret: Uint8Array, now: Date = new Date()): string {
  return generateHOTP(secret, BigInt(currentStep(now)), TOTP_DIGITS);
}

/** What a person typed: spaces and dashes dropped, letters lower-cased. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

/** 10 letters/digits from an alphabet without look-alikes, shown as two groups of five. */
function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const hashRecoveryCode = (code: string) => hashToken(`recovery:${normaliseCode(code)}`);

// ── State ────────────────────────────────────────────────────────────────────────────────────────

/** Whether the person has two-step sign-in with an authenticator app turned on. */
export async function hasTwoStep(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: twoStepCredentials.userId })
    .from(twoStepCredentials)
    .where(and(eq(twoStepCredentials.userId, userId), isNotNull(twoStepCredentials.enabledAt)));
  return Boolean(row);
}

/**
 * A factor strong enough on its own for a case that requires two-step: an authenticator app, or a
 * passkey (a passkey sign-in asks for no code). The only place that decides it: server/access.ts,
 * live streams and the sharing page ask here.
 */
export async function hasStrongFactor(db: Db, userId: string): Promise<boolean> {
  const [passkey] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
  return Boolean(passkey) || hasTwoStep(db, userId);
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

// ── Setting up and turning off ───────────────────────────────────────────────────────────────────

/** Starts (or restarts) setting up: a new secret, not yet in force. Refused when two-step is already on. */
export async function beginSetup(db: Db, userId: string, email: string): Promise<{ secretText: string; uri: string } | null> {
  if (await hasTwoStep(db, userId)) return null;
  const secret = new Uint8Array(randomBytes(20));
  const secretEncrypted = encryptSecret(secret);
  await db
    .insert(twoStepCredentials)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({ target: twoStepCredentials.userId, set: { secretEncrypted, lastUsedStep: 0, enabledAt: null } });
  const text = encodeBase32NoPadding(secret);
  return { secretText: text.replace(/(.{4})(?=.)/g, "$1 "), uri: createTOTPKeyURI("SecondLook", email, secret, TOTP_STEP_SECONDS, TOTP_DIGITS) };
}

/**
 * Finishes setting up when `code` matches the pending secret: two-step is on, and ten new recovery
 * codes are returned (the only time they exist in plain text). Null when the code is wrong.
 */
export async function confirmSetup(db: Db, userId: string, code: string, now = new Date()): Promise<string[] | null> {
  const [pending] = await db
    .select({ secretEncrypted: twoStepCredentials.secretEncrypted })
    .from(twoStepCredentials)
    .where(and(eq(twoStepCredentials.userId, userId), isNull(twoStepCredentials.enabledAt)));
  if (!pending) return null;
  const step = matchingStep(decryptSecret(pending.secretEncrypted), code, now);
  if (step === null) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.update(twoStepCredentials).set({ enabledAt: now, lastUsedStep: step }).where(eq(twoStepCredentials.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  });
  return codes;
}

/** Turns two-step off: the secret and the recovery codes are deleted. */
export async function turnOffTwoStep(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(twoStepCredentials).where(eq(twoStepCredentials.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  });
}

// ── Checking a code ──────────────────────────────────────────────────────────────────────────────

function matchingStep(secret: Uint8Array, code: string, now: Date): number | null {
  const typed = normaliseCode(code);
  if (!/^\d{6}$/.test(typed)) return null;
  const step = currentStep(now);
  for (const candidate of [step - 1, step, step + 1]) {
    if (generateHOTP(secret, BigInt(candidate), TOTP_DIGITS) === typed) return candidate;
  }
  return null;
}

/**
 * Checks a second-factor code for a person with two-step on: an app code (once per step, atomically)
 * or an unused recovery code (used up by this call). Says which, or null when wrong.
 */
export async function verifySecondFactor(db: Db, userId: string, code: string, now = new Date()): Promise<"app" | "recovery" | null> {
  const [credential] = await db
    .select({ secretEncrypted: twoStepCredentials.secretEncrypted })
    .from(twoStepCredentials)
    .where(and(eq(twoStepCredentials.userId, userId), isNotNull(twoStepCredentials.enabledAt)));
  if (!credential) return null;
  const step = matchingStep(decryptSecret(credential.secretEncrypted), code, now);
  if (step !== null) {
    // Only a step later than the last accepted one passes: the same code cannot be replayed.
    const [accepted] = await db
      .update(twoStepCredentials)
      .set({ lastUsedStep: step })
      .where(and(eq(twoStepCredentials.userId, userId), lt(twoStepCredentials.lastUsedStep, step)))
      .returning({ userId: twoStepCredentials.userId });
    return accepted ? "app" : null;
  }
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used ? "recovery" : null;
}

/** Wrong codes this person typed lately (sign-in challenges and confirmations alike). */
async function recentFailures(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${twoStepChallenges.failedAttempts}), 0)::int` })
    .from(twoStepChallenges)
    .where(
      and(
        eq(twoStepChallenges.userId, userId),
        gt(twoStepChallenges.createdAt, sql`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`),
      ),
    );
  return row?.n ?? 0;
}

// ── The sign-in challenge ────────────────────────────────────────────────────────────────────────

/** After a correct first factor: the browser's `challengeSecret` (kept in its cookie) now stands for it. */
export async function createChallenge(db: Db, userId: string, challengeSecret: string): Promise<void> {
  await db.insert(twoStepChallenges).values({
    userId,
    challengeHash: hashToken(challengeSecret),
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
}

/** The person behind a live (unused, unexpired) sign-in challenge: they have passed a first factor. */
export async function challengeUserId(db: Db, challengeSecret: string, now = new Date()): Promise<string | null> {
  const [row] = await db
    .select({ userId: twoStepChallenges.userId })
    .from(twoStepChallenges)
    .where(and(eq(twoStepChallenges.challengeHash, hashToken(challengeSecret)), isNull(twoStepChallenges.usedAt), gt(twoStepChallenges.expiresAt, now)));
  return row?.userId ?? null;
}

export type ChallengeResult =
  | { ok: true; user: { id: string; name: string; email: string }; factor: "app" | "recovery" }
  | { ok: false; reason: "expired" | "wrong" | "throttled" };

/** The second step of signing in: the challenge must be live, and the code right. */
export async function passChallenge(db: Db, challengeSecret: string, code: string, now = new Date()): Promise<ChallengeResult> {
  const [challenge] = await db
    .select({ id: twoStepChallenges.id, userId: twoStepChallenges.userId, failedAttempts: twoStepChallenges.failedAttempts })
    .from(twoStepChallenges)
    .where(and(eq(twoStepChallenges.challengeHash, hashToken(challengeSecret)), isNull(twoStepChallenges.usedAt), gt(twoStepChallenges.expiresAt, now)));
  if (!challenge || challenge.failedAttempts >= MAX_FAILURES_PER_CHALLENGE) return { ok: false, reason: "expired" };
  if ((await recentFailures(db, challenge.userId)) >= MAX_FAILURES_PER_PERSON) return { ok: false, reason: "throttled" };
  const factor = await verifySecondFactor(db, challenge.userId, code, now);
  if (!factor) {
    await db
      .update(twoStepChallenges)
      .set({ failedAttempts: sql`${twoStepChallenges.failedAttempts} + 1` })
      .where(eq(twoStepChallenges.id, challenge.id));
    return { ok: false, reason: "wrong" };
  }
  const [claimed] = await db
    .update(twoStepChallenges)
    .set({ usedAt: now })
    .where(and(eq(twoStepChallenges.id, challenge.id), isNull(twoStepChallenges.usedAt)))
    .returning({ id: twoStepChallenges.id });
  if (!claimed) return { ok: false, reason: "expired" };
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, challenge.userId));
  if (!user) return { ok: false, reason: "expired" };
  return { ok: true, user, factor };
}

/**
 * A code typed to confirm it's you on a signed-in session, with the same cap on guessing as signing
 * in: a wrong one is recorded as a spent challenge row, so both count together.
 */
export async function checkConfirmationCode(db: Db, userId: string, code: string, now = new Date()): Promise<"ok" | "wrong" | "throttled"> {
  if ((await recentFailures(db, userId)) >= MAX_FAILURES_PER_PERSON) return "throttled";
  if (await verifySecondFactor(db, userId, code, now)) return "ok";
  await db.insert(twoStepChallenges).values({
    userId,
    challengeHash: hashToken(randomBytes(32).toString("base64url")),
    failedAttempts: 1,
    expiresAt: now,
    usedAt: now,
  });
  return "wrong";
}
