/**
 * The PostgreSQL job queue (pg-boss, decision 0038): reminders and digests wait in the database, so
 * each is sent once whichever app instance or worker picks it up, survives a restart, and is retried
 * with growing delays when the mail server refuses. pg-boss talks to the app's own connection (both
 * drivers: PGlite and postgres.js) through `Database.executeSql`. This file opens the queue and sends
 * or withdraws jobs; server/queue/worker.ts runs them. Touch it to add a queue or change retries.
 */
import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Database, Db } from "@/db/client";
import { logServerError } from "@/server/log";

/** reminder: one email to one member about one item · digest: one person's digest · digest-tick: finds whose digest is due. */
export const QUEUE_NAMES = ["reminder", "digest", "digest-tick"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** A refused send is tried again after 1, 2, 4 … minutes (pg-boss doubles `retryDelay`): about 4 hours in all. */
const RETRY = { retryLimit: 8, retryDelay: 60, retryBackoff: true } as const;

/** How often the digest tick runs: a digest goes out within this long after the person's hour. */
export const DIGEST_TICK_CRON = "*/10 * * * *";

export interface JobQueue {
  boss: PgBoss;
  /** Queues a job; `id` makes it idempotent (a second send with the same id is ignored). */
  send(name: QueueName, data: object, options?: { id?: string; startAfter?: Date }): Promise<string | null>;
  /** Withdraws jobs that have not run yet (and forgets sent ones, so the same id can be queued again). */
  remove(name: QueueName, ids: string[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A job id that is the same whenever the same thing is planned ("the day-before reminder of this
 * visit for this member"), so planning twice, from two instances, queues it once, and it can be
 * withdrawn without remembering what was queued.
 */
export function plannedJobId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u001f")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Starts pg-boss on this database: creates its schema (`pgboss`) and queues on first use, under its own lock. */
export async function openQueue(database: Database, options: { maintenance?: boolean } = {}): Promise<JobQueue> {
  const maintenance = options.maintenance ?? true;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    // Archiving, expiry and cron run where the queue is maintained (every instance by default; pg-boss
    // takes a lock, so one does the work). Tests turn it off and drive the queue themselves.
    supervise: maintenance,
    schedule: maintenance,
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
  });
  boss.on("error", (error) => logServerError("queue", error));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    // The tick is a singleton: two instances never look for due digests at the same moment.
    await boss.createQueue(name, { name, policy: name === "digest-tick" ? "singleton" : "standard", ...RETRY });
  }
  if (maintenance) await boss.schedule("digest-tick", DIGEST_TICK_CRON, {}, { tz: "UTC" });
  const queue: JobQueue = {
    boss,
    send: (name, data, { id, startAfter } = {}) => boss.send(name, data, { id, startAfter }),
    async remove(name, ids) {
      if (ids.length > 0) await boss.deleteJob(name, ids);
    },
    async stop() {
      queues.delete(database.db);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
  queues.set(database.db, queue);
  return queue;
}

// Survives dev hot reloads, like the live hub (server/live/hub.ts): one queue per open database.
const globalForQueues = globalThis as unknown as { secondlookQueues?: WeakMap<Db, JobQueue> };
const queues = (globalForQueues.secondlookQueues ??= new WeakMap<Db, JobQueue>());

/** The queue opened on this database, if any: without one (a unit of work in a test) nothing is scheduled. */
export function queueOf(db: Db): JobQueue | undefined {
  return queues.get(db);
}
