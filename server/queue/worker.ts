/**
 * Runs the queue's jobs: inside each app instance (server/boot.ts) or as its own process
 * (`npm run worker`, server/queue/worker-cli.ts). A job that throws is retried by pg-boss with
 * growing delays; one that no longer applies completes without sending. Touch it to add a job type.
 */
import "server-only";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { queueDueDigests, sendDigest, type DigestJob } from "@/server/digest/digest";
import type { Mailer } from "@/server/mail";
import { sendReminder, type ReminderJob } from "@/server/notifications/reminders";
import { QUEUE_NAMES, type JobQueue, type QueueName } from "./queue";

type Handler = (job: PgBoss.Job<object>, now: Date) => Promise<unknown>;

function handlers(db: Db, queue: JobQueue, mailer: Mailer): Record<QueueName, Handler> {
  return {
    reminder: (job) => sendReminder(db, mailer, job.data as ReminderJob),
    digest: (job) => sendDigest(db, mailer, job.data as DigestJob),
    "digest-tick": (_job, now) => queueDueDigests(db, queue, now),
  };
}

/** Polls every queue (each instance does; a job is handed to one of them only) until `queue.stop()`. */
export async function startWorkers(db: Db, queue: JobQueue, mailer: Mailer, pollingIntervalSeconds = 5): Promise<void> {
  const run = handlers(db, queue, mailer);
  for (const name of QUEUE_NAMES) {
    await queue.boss.work<object>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => (job ? run[name](job, new Date()) : undefined));
  }
}

/**
 * Runs every job that is due now, one at a time, until none is left: what the workers do, without
 * polling. Tests call it with their own clock (`now` is the moment the digest tick believes it is);
 * refused jobs go back to the queue for a later try, as with the workers.
 */
export async function drainQueue(db: Db, queue: JobQueue, mailer: Mailer, now: Date = new Date()): Promise<{ done: number; failed: number }> {
  const run = handlers(db, queue, mailer);
  let done = 0;
  let failed = 0;
  for (const name of QUEUE_NAMES) {
    for (;;) {
      const [job] = await queue.boss.fetch<object>(name, { batchSize: 1 });
      if (!job) break;
      try {
        await run[name](job, now);
        await queue.boss.complete(name, job.id);
        done += 1;
      } catch (error) {
        await queue.boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        failed += 1;
      }
    }
  }
  return { done, failed };
}
