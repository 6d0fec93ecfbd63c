/**
 * Server start-up: checks the configuration, applies migrations, starts the email digest sender
 * (when mail is configured), and closes the database cleanly on SIGTERM/SIGINT (the npm scripts set
 * NEXT_MANUAL_SIG_HANDLE so Next leaves that to us; PGlite must be closed before exit or the next
 * start runs crash recovery).
 */
import "server-only";
import { closeDatabase, ensureDatabase } from "@/server/database/connection";
import { sendDueDigests } from "./digest/digest";
import { config } from "./env";
import { getMailer } from "./mail";
import { logServerError } from "@/server/log-error";

/** How often each instance looks for due digests; claiming makes several instances safe. */
const DIGEST_CHECK_MS = 10 * 60 * 1000;

export async function boot(): Promise<void> {
  config();
  const database = await ensureDatabase();

  if (config().smtpUrl) {
    const timer = setInterval(() => {
      sendDueDigests(database.db, getMailer()).catch((error: unknown) => logServerError("digest", error));
    }, DIGEST_CHECK_MS);
    timer.unref();
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await closeDatabase().catch((error: unknown) => console.error("Closing the database failed", error));
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
