/**
 * `npm run worker`: runs the job queue's workers in a process of their own (PostgreSQL only: the
 * embedded database belongs to one process). App instances started with RUN_WORKER=false then only
 * queue jobs. Stops cleanly on SIGTERM/SIGINT; a job cut short is retried by the next worker.
 */
import "server-only";
import { closeDatabase, ensureDatabase } from "@/server/database/connection";
import { config } from "@/server/env";
import { getMailer } from "@/server/mail";
import { openQueue } from "./queue";
import { startWorkers } from "./worker";

if (config().database.kind === "pglite") {
  console.error("npm run worker needs DATABASE_URL: the embedded database belongs to the app process, whose worker runs inside it.");
  process.exit(1);
}
const database = await ensureDatabase();
const queue = await openQueue(database);
await startWorkers(database.db, queue, getMailer());
console.log("Worker running: reminders and digests are sent from this process.");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await queue.stop();
  await closeDatabase();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
