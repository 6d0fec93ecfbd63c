/**
 * A database's schema version: the last migration Drizzle applied to it, named by its tag in
 * db/migrations/meta/_journal.json. A backup records it; a restore refuses a backup whose schema this
 * copy of SecondLook does not know (one made by a newer version), before anything is touched.
 */
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { BackupError, type BackupManifest } from "./archive";

export type SchemaVersion = BackupManifest["schemaVersion"];

/** Drizzle's record of applied migrations: `created_at` is the journal's `when` of each one. */
export const HAS_MIGRATIONS_SQL = "select to_regclass('drizzle.__drizzle_migrations') is not null as present";
export const LAST_MIGRATION_SQL = "select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1";

const ZJournal = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number().int() })) });

function journal() {
  return ZJournal.parse(JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"))).entries;
}

/** The schema version of a database whose last applied migration has `createdAt`; null: no migrations at all. */
export function schemaVersionOf(createdAt: number | null): SchemaVersion {
  if (createdAt === null) throw new BackupError("This database has no SecondLook tables yet: there is nothing to back up.");
  const entry = journal().find((e) => e.when === createdAt);
  if (!entry) {
    throw new BackupError("This database was migrated by a newer SecondLook than this one. Back it up with the version that runs on it.");
  }
  return { tag: entry.tag, createdAt };
}

/**
 * Checks that this SecondLook knows the backup's schema; returns how many newer migrations it will
 * apply when it next starts (the restored database is then brought up to date as usual).
 */
export function checkRestorable(version: SchemaVersion): { pendingMigrations: number; latest: string } {
  const entries = journal();
  const index = entries.findIndex((e) => e.tag === version.tag && e.when === version.createdAt);
  const latest = entries.at(-1)?.tag ?? "none";
  if (index === -1) {
    throw new BackupError(
      `This backup was made by a newer SecondLook (schema ${version.tag}) than this one knows (latest ${latest}). ` +
        "Update SecondLook first, then restore. Nothing was changed.",
    );
  }
  return { pendingMigrations: entries.length - 1 - index, latest };
}
