/**
 * Rate limits kept in the database, so they hold across app instances: "at most `limit` events per
 * `windowMinutes` for this key". Used for emails sent on request (reset links, sign-up links, attack
 * warnings) and for sign-ups. Sign-in guesses have their own rules (throttle.ts).
 * An event is recorded first and then counted, so parallel requests cannot all slip under a limit.
 * Every refusal writes a `rate-limit.hit` line to the server log.
 */
import "server-only";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";
import { logServerEvent } from "@/server/audit-log";

export interface RateLimit {
  /** What is limited and what it is counted for, e.g. "reset-mail:address". */
  bucket: string;
  key: string;
  limit: number;
  windowMinutes: number;
}

/**
 * Takes one slot in every limit at once: true when all had room. When one is full, nothing is kept
 * (a refused request does not push the window further out).
 */
export async function takeSlot(db: Db, limits: readonly RateLimit[]): Promise<boolean> {
  if (Math.random() < 0.02) await pruneRateLimitEvents(db);
  const inserted = await db
    .insert(rateLimitEvents)
    .values(limits.map(({ bucket, key }) => ({ bucket, key })))
    .returning({ id: rateLimitEvents.id });
  for (const { bucket, key, limit, windowMinutes } of limits) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(rateLimitEvents)
      .where(
        and(
          eq(rateLimitEvents.bucket, bucket),
          eq(rateLimitEvents.key, key),
          gt(rateLimitEvents.occurredAt, sql`now() - make_interval(mins => ${windowMinutes})`),
        ),
      );
    if ((row?.count ?? 0) > limit) {
      // ASVS 16.3.3: hitting a limit may be automation at work. The bucket only: its key may be an address.
      logServerEvent("rate-limit.hit", { bucket });
      await db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, inserted.map((r) => r.id)));
      return false;
    }
  }
  return true;
}

/** Events older than a day count for no limit here; removed now and then so the table stays small. */
async function pruneRateLimitEvents(db: Db): Promise<void> {
  const old = db
    .select({ id: rateLimitEvents.id })
    .from(rateLimitEvents)
    .where(lt(rateLimitEvents.occurredAt, sql`now() - interval '1 day'`))
    .limit(1000);
  await db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, old));
}
