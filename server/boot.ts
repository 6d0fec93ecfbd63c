/**
 * Server start-up: checks the configuration, applies migrations, starts the periodic work (the email
 * digest when mail is configured, and ending two-step resets whose 24-hour wait is over), and closes the database cleanly on SIGTERM/SIGINT (the npm scripts set
 * NEXT_MANUAL_SIG_HANDLE so Next leaves that to us; PGlite must be closed before exit or the next
 * start runs crash recovery).
 */
import "server-only";
import { closeDatabase, ensureDatabase } from "@/server/database/connection";
import { completeDueTwoStepResets } from "./auth/two-step-reset";
import { sendDueDigests } from "./digest/digest";
import { config } from "./env";
import { getMailer } from "./mail";
import { logServerError } from "@/server/log";

/** How often each instance looks for due work; both kinds claim their rows in SQL, so several instances are safe. */
const PERIODIC_CHECK_MS = 10 * 60 * 1000;

export async function boot(): Promise<void> {
  config();
  const database = await ensureDatabase();

  const timer = setInterval(() => {
    if (config().smtpUrl) sendDueDigests(database.db, getMailer()).catch((error: unknown) => logServerError("digest", error));
    // The person is told when the wait ends, not at their next sign-in (decision 0027).
    completeDueTwoStepResets(database.db, getMailer()).catch((error: unknown) => logServerError("two-step-reset", error));
  }, PERIODIC_CHECK_MS);
  timer.unref();

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await closeDatabase().catch((error: unknown) => logServerError("database.close", error));
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
