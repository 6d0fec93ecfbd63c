/**
 * Integration tests' global set-up, embedded runs only: one in-memory PGlite, migrated once, dumped to
 * a file that every test file's database starts from (tests/support/test-db.ts). Starting PGlite
 * empty runs initdb, and with the migrations that took ~4 s per file; loading the dump takes ~1.8 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template's dump; "" when the tests run on a PostgreSQL server (DATABASE_URL). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return;
  }
  // The migrator migrateDatabase (db/migrate.ts) uses for PGlite, run on a client of our own so it can be dumped.
  const client = new PGlite();
  await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  const folder = mkdtempSync(path.join(tmpdir(), "secondlook-template-"));
  const file = path.join(folder, "migrated.tar.gz");
  writeFileSync(file, Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer()));
  await client.close();
  project.provide("pgliteTemplate", file);
  return () => rmSync(folder, { recursive: true, force: true });
}
