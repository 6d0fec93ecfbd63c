/**
 * Applies the committed SQL migrations in db/migrations. Called at app start-up
 * (instrumentation.ts), by `npm run db:migrate`, and by the test database helper.
 */
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export async function migrateDatabase({ db, target, exclusively }: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  await exclusively(() =>
    target.kind === "postgres"
      ? migratePostgres(db as unknown as PostgresJsDatabase, config)
      : migratePglite(db as unknown as PgliteDatabase, config),
  );
}
