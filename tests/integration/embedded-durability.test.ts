/**
 * The embedded database on disk fsyncs every commit (db/pglite-durable.ts): PGlite's defaults run
 * PostgreSQL with fsync off, and Emscripten's NODEFS makes fsync a no-op. A killed process is covered
 * by tests/crash/embedded.ts; this shows the commit waits for a real fsync, which a power loss needs.
 */
import * as fs from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "@/db/client";

vi.mock("node:fs", async (original) => {
  const actual = await original<typeof fs>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) };
});

const onPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(onPostgres)("the embedded database on disk", () => {
  let dir: string;
  let database: Database;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "secondlook-durability-"));
    database = openDatabase({ kind: "pglite", dataDir: path.join(dir, "pglite") });
    await database.db.execute(sql`create table durable_check (id serial primary key, body text not null)`);
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs PostgreSQL with fsync on, the WAL synced by fsync", async () => {
    const setting = async (name: string) => ((await database.db.execute(sql`select current_setting(${name}) as value`)) as unknown as { rows: { value: string }[] }).rows[0]!.value;
    expect(await setting("fsync")).toBe("on");
    expect(await setting("wal_sync_method")).toBe("fsync");
    expect(await setting("synchronous_commit")).toBe("on");
  });

  it("has called the real fsync by the time a commit returns", async () => {
    const fsync = vi.mocked(fs.fsyncSync);
    fsync.mockClear();
    await database.db.execute(sql`insert into durable_check (body) values ('a note written after a hard visit')`);
    expect(fsync).toHaveBeenCalled();
  });
});
