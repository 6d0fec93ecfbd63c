/**
 * Server start-up: checks the configuration, applies migrations, and closes the database cleanly
 * on SIGTERM/SIGINT (the npm scripts set NEXT_MANUAL_SIG_HANDLE so Next leaves that to us;
 * PGlite must be closed before exit or the next start runs crash recovery).
 */
import { closeDatabase, ensureDatabase } from "./db";
import { config } from "./env";

export async function boot(): Promise<void> {
  config();
  await ensureDatabase();

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
