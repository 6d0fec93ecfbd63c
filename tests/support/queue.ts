/** The job queue in tests: opened without its timers, driven by hand, its clock moved on without sleeping. */
import type { Database } from "@/db/client";
import { queueDueDigests } from "@/server/digest/digest";
import type { Mailer } from "@/server/mail";
import { openQueue, type JobQueue } from "@/server/queue/queue";
import { drainQueue } from "@/server/queue/worker";

/** A queue on this database with no maintenance or cron of its own: the test runs what is due with drainQueue. */
export const openTestQueue = (database: Database) => openQueue(database, { maintenance: false });

/** Moves the queue's clock on: every waiting job (a reminder, a retry) starts `ms` sooner. */
export async function advanceQueueClock(database: Database, ms: number): Promise<void> {
  await database.executeSql(`update pgboss.job set start_after = start_after - make_interval(secs => $1) where state in ('created', 'retry')`, [ms / 1000]);
}

/** What the digest tick and the workers do at `now`: claim whose digest is due, then send each. */
export async function runDigests(database: Database, queue: JobQueue, mailer: Mailer, now: Date) {
  const { queued } = await queueDueDigests(database.db, queue, now);
  return { queued, ...(await drainQueue(database.db, queue, mailer, now)) };
}
