/**
 * Backing up and restoring whichever database the configuration names (PostgreSQL server or embedded),
 * as one file (./archive.ts). Used by `npm run backup` / `npm run restore` and the restore drill test.
 */
import "server-only";
import type { AppConfig } from "@/server/env";
import { readBackupFile, type BackupManifest } from "./archive";
import { backupPglite, restorePglite } from "./pglite";
import { backupPostgres, restorePostgres } from "./postgres";
import { checkRestorable } from "./schema-version";

export { BackupError, type BackupManifest } from "./archive";

export type BackupTarget = AppConfig["database"];

export function backupDatabase(target: BackupTarget, file: string): Promise<BackupManifest> {
  return target.kind === "postgres" ? backupPostgres(target.url, file) : backupPglite(target.dataDir, file);
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations newer than the backup, which the app applies when it starts. */
  pendingMigrations: number;
  /** Embedded database with --force: where the database that was there went. */
  movedAside?: string;
}

/** Verifies the whole file (checksum, manifest, schema version) first; only then touches the target. */
export async function restoreDatabase(file: string, target: BackupTarget, { force = false } = {}): Promise<RestoreResult> {
  const backup = await readBackupFile(file);
  const { pendingMigrations } = checkRestorable(backup.manifest.schemaVersion);
  if (target.kind === "postgres") {
    await restorePostgres(backup, target.url, { force });
    return { manifest: backup.manifest, pendingMigrations };
  }
  const { movedAside } = await restorePglite(backup, target.dataDir, { force });
  return { manifest: backup.manifest, pendingMigrations, movedAside };
}
