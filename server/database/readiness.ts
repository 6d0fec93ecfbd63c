/**
 * Whether this instance can serve (GET /api/ready, for a load balancer): the database answers, the
 * newest migration in db/migrations is recorded in it, and the live hub's LISTEN hears a notification
 * it sends itself. Each check has a short deadline, so the answer never waits on postgres.js's
 * reconnect queue; and while the outage breaker holds requests back, the check asks the breaker
 * rather than adding to that queue (it counts as the breaker's probe when let through).
 */
import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles, type MigrationMeta } from "drizzle-orm/migrator";
import type { Database } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { isDatabaseUnavailable, outageBreakerFor } from "@/server/database/outage";
import { liveHubOf } from "@/server/live/hub";

/** How long each check may take before the instance is reported not ready. */
export const READY_CHECK_MS = 2_000;

export type NotReadyReason = "starting" | "database-unreachable" | "migrations-pending" | "live-not-listening";
export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };

class TooSlow extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TooSlow()), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// The migration files do not change while the process runs.
let newestMigration: MigrationMeta | undefined;

type Row = Record<string, unknown>;
/** postgres.js answers rows, PGlite `{ rows }`. */
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []));

/** `open`: the instance's database, once opened and migrated at start-up. */
export async function checkReadiness(open: () => Promise<Database>, ms = READY_CHECK_MS): Promise<Readiness> {
  let database: Database;
  try {
    database = await within(open(), ms);
  } catch (error) {
    return { ready: false, reason: error instanceof TooSlow ? "starting" : "database-unreachable" };
  }
  const breaker = outageBreakerFor(database.db);
  if (!breaker.admit()) return { ready: false, reason: "database-unreachable" };

  let recorded: Row | undefined;
  try {
    await within(database.db.execute(sql`select 1`), ms);
    breaker.succeeded();
    [recorded] = rowsOf(
      await within(database.db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`), ms),
    );
  } catch (error) {
    if (error instanceof TooSlow || isDatabaseUnavailable(error)) {
      breaker.failed();
      return { ready: false, reason: "database-unreachable" };
    }
    // It answers, but has no migrations table: nothing was applied.
    return { ready: false, reason: "migrations-pending" };
  }
  newestMigration ??= readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).at(-1);
  // The rule drizzle's migrator applies: a migration is applied when one at least as new is recorded.
  if (newestMigration && !(recorded && Number(recorded.created_at) >= newestMigration.folderMillis)) {
    return { ready: false, reason: "migrations-pending" };
  }

  const listening = await liveHubOf(database.db)
    .listensWithin(ms)
    .catch(() => false);
  return listening ? { ready: true } : { ready: false, reason: "live-not-listening" };
}
