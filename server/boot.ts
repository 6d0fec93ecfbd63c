/**
 * Server start-up: checks the configuration, applies migrations, opens the job queue (reminders and
 * the digest; its workers run here unless RUN_WORKER=false), starts the periodic end of two-step
 * resets whose 24-hour wait is over, and closes the queue and the database cleanly on SIGTERM/SIGINT (the npm scripts set
 * NEXT_MANUAL_SIG_HANDLE so Next leaves that to us; PGlite must be closed before exit or the next
 * start runs crash recovery).
 */
import "server-only";
import { closeDatabase, ensureDatabase } from "@/server/database/connection";
import { completeDueTwoStepResets } from "./auth/two-step-reset";
import { config } from "./env";
import { getMailer } from "./mail";
import { openQueue } from "./queue/queue";
import { startWorkers } from "./queue/worker";
import { logServerError } from "@/server/log";

/** How often each instance looks for due two-step resets; they are claimed in SQL, so several instances are safe. */
const PERIODIC_CHECK_MS = 10 * 60 * 1000;

export async function boot(): Promise<void> {
  config();
  const database = await ensureDatabase();

  const queue = await openQueue(database);
  if (config().runWorker) await startWorkers(database.db, queue, getMailer());

  const timer = setInterval(() => {
    // The person is told when the wait ends, not at their next sign-in (decision 0027).
    completeDueTwoStepResets(database.db, getMailer()).catch((error: unknown) => logServerError("two-step-reset", error));
  }, PERIODIC_CHECK_MS);
  timer.unref();

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await queue.stop().catch((error: unknown) => logServerError("queue.stop", error));
    await closeDatabase().catch((error: unknown) => logServerError("database.close", error));
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
