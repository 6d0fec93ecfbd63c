/**
 * Sign-in throttling, kept in the database so it holds across app instances (docs/decisions/0024).
 * Wrong passwords are counted per account *and browser*:
 * - from a browser that has signed in to the account before (a known device, known-devices.ts), per
 *   (account, browser): an attacker elsewhere can never lock the person's own browser out;
 * - from every other browser together, per account: after MAX_FAILURES_PER_EMAIL in the window,
 *   unknown browsers wait (the right password included) until the window has passed;
 * - and per IP, across accounts.
 * An attempt is recorded *before* the password is checked and then counted, so even many parallel
 * attempts cannot all slip under the limit: the k-th committed attempt always counts at least k rows.
 * Emailed sign-in links and passkeys do not go through here: they always get through.
 */
import "server-only";
import { and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts } from "@/db/schema";

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Per account from unknown browsers together, and per account from each known browser. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Higher than per email: several people may share one address (a household, a clinic). */
export const MAX_FAILURES_PER_IP = 20;

/** Which browser is trying: its device hash (if it sent a device cookie) and whether the account knows it. */
export interface AttemptDevice {
  deviceHash: string | null;
  known: boolean;
}

const UNKNOWN_DEVICE: AttemptDevice = { deviceHash: null, known: false };

export type AttemptDecision =
  | { allowed: true; attemptId: string }
  | { allowed: false; retryAfterMinutes: number; by: "account" | "device" | "ip" };

/** The failures that count against this browser for this account. */
function accountFailures(email: string, device: AttemptDevice): SQL {
  const ofDevice =
    device.known && device.deviceHash
      ? and(eq(signInAttempts.knownDevice, true), eq(signInAttempts.deviceHash, device.deviceHash))
      : eq(signInAttempts.knownDevice, false);
  return and(eq(signInAttempts.email, email), ofDevice) as SQL;
}

export async function beginSignInAttempt(db: Db, email: string, ip: string, device: AttemptDevice = UNKNOWN_DEVICE): Promise<AttemptDecision> {
  if (Math.random() < 0.02) await pruneSignInAttempts(db);
  const [attempt] = await db
    .insert(signInAttempts)
    .values({ email, ip, deviceHash: device.deviceHash, knownDevice: device.known && device.deviceHash !== null })
    .returning({ id: signInAttempts.id });
  if (!attempt) throw new Error("sign-in attempt was not recorded");
  const since = sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;
  const counted = async (which: SQL | undefined) => {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int`, oldest: sql<Date>`min(${signInAttempts.attemptedAt})` })
      .from(signInAttempts)
      .where(and(which, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)));
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : new Date() };
  };
  const byAccount = await counted(accountFailures(email, device));
  const byIp = await counted(eq(signInAttempts.ip, ip));
  const over = [
    byAccount.count > MAX_FAILURES_PER_EMAIL ? { oldest: byAccount.oldest, by: device.known ? ("device" as const) : ("account" as const) } : null,
    byIp.count > MAX_FAILURES_PER_IP ? { oldest: byIp.oldest, by: "ip" as const } : null,
  ].filter((o) => o !== null);
  if (over.length === 0) return { allowed: true, attemptId: attempt.id };

  // A refused attempt is not kept: it must not push the wait further out.
  await db.delete(signInAttempts).where(eq(signInAttempts.id, attempt.id));
  const last = over.reduce((a, b) => (a.oldest.getTime() >= b.oldest.getTime() ? a : b));
  const unlockAt = last.oldest.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000)), by: last.by };
}

/**
 * A right password clears the failures counted against the same browser (a known one's own, or those
 * of unknown browsers); a known browser's success leaves an attacker's count as it is. The attempt
 * row itself stays as a success.
 */
export async function recordSignInSuccess(db: Db, attemptId: string, email: string, device: AttemptDevice = UNKNOWN_DEVICE): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  await db.delete(signInAttempts).where(and(accountFailures(email, device), eq(signInAttempts.succeeded, false)));
}

/** Rows older than the window are of no use; removed now and then so the table stays small. */
async function pruneSignInAttempts(db: Db): Promise<void> {
  const old = db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(sql`${signInAttempts.attemptedAt} < now() - interval '1 day'`)
    .limit(1000);
  await db.delete(signInAttempts).where(inArray(signInAttempts.id, old));
}
