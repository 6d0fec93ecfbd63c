/**
 * `npm run restore -- <file> [--force]`: checks the backup file whole (checksum, manifest, schema version),
 * then restores it into the configured database, which must be empty (DATABASE_URL: a new database;
 * embedded: an empty DATA_DIR). `--force` replaces a database that is there (README "Operating it").
 */
import { parseArgs } from "node:util";
import { config } from "@/server/env";
import { BackupError, restoreDatabase } from "@/server/backup";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
const file = positionals[0];
if (!file) {
  console.error("Usage: npm run restore -- <backup file> [--force]");
  process.exit(2);
}

const started = performance.now();
try {
  const target = config().database;
  const result = await restoreDatabase(file, target, { force: values.force });
  const { manifest } = result;
  console.log(`Restored the ${manifest.database} backup taken ${manifest.createdAt} (schema ${manifest.schemaVersion.tag}, checksum verified)`);
  const where = target.kind === "postgres" ? `database ${new URL(target.url).pathname.slice(1)} on ${new URL(target.url).host}` : target.dataDir;
  console.log(`  into ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  if (result.movedAside) console.log(`  The database that was there is kept at ${result.movedAside}; delete it once you are sure.`);
  // Two-step secrets are encrypted with a key from AUTH_SECRET, which no backup holds (server/auth/two-step.ts).
  if (!config().authSecret) {
    console.log(`  AUTH_SECRET is not set: copy the old data folder's auth-secret file into ${config().dataDir} before starting the app,`);
    console.log("  or authenticator codes stop working and everyone must sign in again.");
  }
  if (result.pendingMigrations > 0) console.log(`  SecondLook will apply ${result.pendingMigrations} newer migration(s) when it starts.`);
} catch (error) {
  console.error(error instanceof BackupError ? `Restore refused: ${error.message}` : error);
  process.exitCode = 1;
}
