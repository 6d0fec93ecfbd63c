/**
 * `npm run backup [-- <file or folder>]`: backs up the configured database (DATABASE_URL, or the embedded
 * one in DATA_DIR — stop the app first for that one) into one file. Default: ./backups/.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config } from "@/server/env";
import { BackupError, backupDatabase } from "@/server/backup";

const { positionals } = parseArgs({ allowPositionals: true });
const target = config().database;
const destination = path.resolve(positionals[0] ?? "backups");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const isFolder = positionals[0] === undefined || positionals[0].endsWith("/") || (existsSync(destination) && statSync(destination).isDirectory());
const file = isFolder ? path.join(destination, `secondlook-${target.kind}-${stamp}.backup.tar`) : destination;
mkdirSync(path.dirname(file), { recursive: true });

const started = performance.now();
try {
  const manifest = await backupDatabase(target, file);
  console.log(`Backup written: ${file}`);
  console.log(`  database: ${manifest.database}, schema ${manifest.schemaVersion.tag}, taken ${manifest.createdAt}`);
  console.log(`  dump: ${(manifest.payload.bytes / 1e6).toFixed(1)} MB, SHA-256 ${manifest.payload.sha256}`);
  console.log(`  took ${((performance.now() - started) / 1000).toFixed(1)} s. Copy it off this machine (README "Operating it").`);
} catch (error) {
  console.error(error instanceof BackupError ? `Backup failed: ${error.message}` : error);
  process.exitCode = 1;
}
