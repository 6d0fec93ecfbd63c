/**
 * Sign-in throttling, kept in the database so it holds across app instances.
 * An attempt is recorded *before* the password is checked and then counted, so even many parallel
 * attempts cannot all slip under the limit: the k-th committed attempt always counts at least k rows.
 */
import "server-only";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempts } from "@/db/schema";

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
/** Higher than per email: several people may share one address (a household, a clinic). */
export const MAX_FAILURES_PER_IP = 20;

export type AttemptDecision = { allowed: true; attemptId: string } | { allowed: false; retryAfterMinutes: number };

export async function beginSignInAttempt(db: Db, email: string, ip: string): Promise<AttemptDecision> {
  if (Math.random() < 0.02) await pruneSignInAttempts(db);
  const [attempt] = await db.insert(signInAttempts).values({ email, ip }).returning({ id: signInAttempts.id });
  if (!attempt) throw new Error("sign-in attempt was not recorded");
  const since = sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;
  const counted = async (column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) => {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int`, oldest: sql<Date>`min(${signInAttempts.attemptedAt})` })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)));
    return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : new Date() };
  };
  const byEmail = await counted(signInAttempts.email, email);
  const byIp = await counted(signInAttempts.ip, ip);
  const over = [
    byEmail.count > MAX_FAILURES_PER_EMAIL ? byEmail.oldest : null,
    byIp.count > MAX_FAILURES_PER_IP ? byIp.oldest : null,
  ].filter((d): d is Date => d !== null);
  if (over.length === 0) return { allowed: true, attemptId: attempt.id };

  // A refused attempt is not kept: it must not push the lockout further out.
  await db.delete(signInAttempts).where(eq(signInAttempts.id, attempt.id));
  const unlockAt = Math.max(...over.map((d) => d.getTime())) + SIGN_IN_WINDOW_MINUTES * 60_000;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000)) };
}

/** A correct password clears the email's failures; the attempt row itself stays as a success. */
export async function recordSignInSuccess(db: Db, attemptId: string, email: string): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  await db
    .delete(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false)));
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
