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

/** Migrations run without the app's statement timeout (a long migration is legitimate), one instance at a time. */
export async function migrateDatabase({ target, exclusively, withoutStatementTimeout }: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  await exclusively(() =>
    withoutStatementTimeout((db) =>
      target.kind === "postgres"
        ? migratePostgres(db as unknown as PostgresJsDatabase, config)
        : migratePglite(db as unknown as PgliteDatabase, config),
    ),
  );
}
