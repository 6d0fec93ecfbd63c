/**
 * Backup and restore of the embedded database (PGlite). The copy is taken through PGlite itself:
 * the folder is opened (which replays the write-ahead log if the app was killed), checkpointed so every
 * committed change is in the data files, and dumped with `dumpDataDir()` — never a file copy of a folder
 * a running server may be writing. PGlite belongs to one process, so the app must be stopped meanwhile:
 * the data folder's lock file (server/database/connection.ts) refuses both while the app runs.
 */
import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { takePgliteLock } from "@/server/database/connection";
import { BackupError, writeBackupFile, type BackupManifest, type VerifiedBackup } from "./archive";
import { HAS_MIGRATIONS_SQL, LAST_MIGRATION_SQL, schemaVersionOf, type SchemaVersion } from "./schema-version";

const PAYLOAD_NAME = "pgdata.tar.gz";

async function schemaVersionIn(pg: PGlite): Promise<SchemaVersion> {
  const { rows } = await pg.query<{ present: boolean }>(HAS_MIGRATIONS_SQL);
  if (!rows[0]?.present) return schemaVersionOf(null);
  const last = await pg.query<{ created_at: string }>(LAST_MIGRATION_SQL);
  return schemaVersionOf(last.rows[0] ? Number(last.rows[0].created_at) : null);
}

/** Runs `fn` holding the data folder's lock, so the app cannot open the folder meanwhile (nor we while it runs). */
async function withLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  let release: () => void;
  try {
    release = takePgliteLock(dataDir);
  } catch (error) {
    throw new BackupError(`${(error as Error).message} Stop the app while its embedded database is backed up or restored, then start it again.`);
  }
  try {
    return await fn();
  } finally {
    release();
  }
}

export async function backupPglite(dataDir: string, file: string): Promise<BackupManifest> {
  return withLock(dataDir, async () => {
    if (!existsSync(`${dataDir}/PG_VERSION`)) throw new BackupError(`There is no embedded database in ${dataDir}: nothing to back up.`);
    const pg = await PGlite.create(dataDir);
    let tarball: Uint8Array;
    let schemaVersion: SchemaVersion;
    let tool: string;
    try {
      schemaVersion = await schemaVersionIn(pg);
      tool = `PGlite dumpDataDir (${(await pg.query<{ v: string }>("select version() as v")).rows[0]?.v ?? "unknown version"})`;
      await pg.query("checkpoint");
      tarball = new Uint8Array(await (await pg.dumpDataDir("gzip")).arrayBuffer());
    } finally {
      await pg.close();
    }
    return writeBackupFile(file, PAYLOAD_NAME, { createdAt: new Date().toISOString(), database: "pglite", schemaVersion, tool }, (write) =>
      write(tarball),
    );
  });
}

const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Loads a verified backup into `dataDir`, which must be missing or empty. With `force`, a database
 * already there is moved aside to `<dataDir>.replaced-<time>` (never deleted) and put back if the
 * restore fails. Returns where the old folder went, if anywhere.
 */
export async function restorePglite(backup: VerifiedBackup, dataDir: string, { force = false } = {}): Promise<{ movedAside?: string }> {
  if (backup.manifest.database !== "pglite") {
    throw new BackupError("This backup is of a PostgreSQL server (made with pg_dump); restore it with DATABASE_URL set to an empty database.");
  }
  return withLock(dataDir, async () => {
    let movedAside: string | undefined;
    if (!isEmptyFolder(dataDir)) {
      if (!force) {
        throw new BackupError(
          `${dataDir} already holds a database. Restore into an empty folder (set DATA_DIR to a new one), ` +
            "or pass --force to move the current one aside and replace it. Nothing was changed.",
        );
      }
      movedAside = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await rename(dataDir, movedAside);
    }
    try {
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      for await (const chunk of backup.payload()) chunks.push(new Uint8Array(chunk as Buffer));
      const pg = await PGlite.create(dataDir, { loadDataDir: new Blob(chunks) });
      try {
        const restored = await schemaVersionIn(pg);
        if (restored.tag !== backup.manifest.schemaVersion.tag) {
          throw new BackupError(`The restored database reports schema ${restored.tag}, not the ${backup.manifest.schemaVersion.tag} its manifest names.`);
        }
      } finally {
        await pg.close();
      }
      return { movedAside };
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      if (movedAside) await rename(movedAside, dataDir);
      throw error;
    }
  });
}
