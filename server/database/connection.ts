/**
 * The app's one database connection (per process), opened lazily from the configuration and
 * migrated at start-up by instrumentation.ts. For PGlite it also takes a lock file, since two
 * processes opening the same data folder would corrupt it.
 */
import "server-only";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { openDatabase, type Database, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { config } from "@/server/env";
import { attachLiveHub, liveHubOf } from "@/server/live/hub";
import { logger } from "@/server/log";

// Survives Next's dev hot reloads, which re-evaluate modules but keep the process.
const globalForDb = globalThis as unknown as { secondlookDb?: { database: Database; ready: Promise<void> } };

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Also taken by `npm run backup` / `restore` (server/backup/pglite.ts), so they never run beside the app. */
export function takePgliteLock(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockFile = path.join(path.dirname(dataDir), "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (holder && holder !== process.pid && processIsAlive(holder)) {
        throw new Error(
          `The embedded database in ${path.dirname(dataDir)} is in use by another SecondLook process (pid ${holder}). ` +
            "Stop that process, or set DATA_DIR to another folder, or use DATABASE_URL.",
        );
      }
      rmSync(lockFile, { force: true }); // stale lock from a process that is gone
    }
  }
  throw new Error(`Could not take the embedded database lock in ${path.dirname(dataDir)}.`);
}

let releaseLock: (() => void) | undefined;

function open() {
  const target = config().database;
  if (target.kind === "pglite") releaseLock = takePgliteLock(target.dataDir);
  // DB_LOG_QUERIES=1 logs every statement's text, parameters left out (the benchmark counts round trips with it).
  const onQuery = process.env.DB_LOG_QUERIES === "1" ? (query: string) => logger.info({ db: query.replace(/\s+/g, " ").slice(0, 160) }) : undefined;
  const database = openDatabase(target, { onQuery });
  attachLiveHub(database);
  return { database, ready: migrateDatabase(database) };
}

/** Opens (once) and migrates the database; awaited at start-up. */
export async function ensureDatabase(): Promise<Database> {
  globalForDb.secondlookDb ??= open();
  await globalForDb.secondlookDb.ready;
  return globalForDb.secondlookDb.database;
}

export async function getDb(): Promise<Db> {
  return (await ensureDatabase()).db;
}

/** Closes the database cleanly (PGlite must be closed before exit to avoid crash recovery). */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.secondlookDb;
  globalForDb.secondlookDb = undefined;
  if (current) {
    await liveHubOf(current.database.db).close();
    await current.database.close();
  }
  releaseLock?.();
  releaseLock = undefined;
}
