/**
 * An isolated, migrated database per test file: a fresh PostgreSQL database on the server that
 * DATABASE_URL points at (created here, dropped afterwards), or an in-memory PGlite, started from the
 * migrated template, when it is unset.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type Database, type DatabaseOptions } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { attachLiveHub } from "@/server/live/hub";

export interface TestDatabase extends Database {
  cleanup(): Promise<void>;
}

export async function createTestDatabase(options: DatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // Started from the migrated template (tests/support/pglite-template.ts), so already migrated.
    const database = openDatabase({ kind: "pglite", from: new Blob([readFileSync(inject("pgliteTemplate"))]) }, options);
    attachLiveHub(database);
    return { ...database, cleanup: () => database.close() };
  }

  const name = `secondlook_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // The statement timeout the app's connections have by default (server/env.ts), so tests run as production does.
  const database = openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 5, statementTimeoutSeconds: 7 }, options);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    throw error;
  }
  attachLiveHub(database);
  return {
    ...database,
    async cleanup() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
