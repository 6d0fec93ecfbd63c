/**
 * The restore drill: several full cases are backed up with the code behind `npm run backup`, restored
 * with the code behind `npm run restore` into a fresh database, and every case's JSON export must be
 * the same bytes and every file the same SHA-256. On the embedded database (the default run) between two
 * data folders; on PostgreSQL (DATABASE_URL set) between two databases on that server. Also: a damaged,
 * cut-short or too-new backup and a non-empty target are refused, with nothing touched.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { fileBlobs } from "@/db/schema";
import { requireCaseMember } from "@/server/access";
import { writeBackupFile } from "@/server/backup/archive";
import { backupDatabase, restoreDatabase, type BackupTarget } from "@/server/backup";
import { caseExportStream, readCaseExport } from "@/server/export/case-export";
import { uploadRecordFile } from "@/server/files/record-files";
import { createPostgresStorage } from "@/server/storage";
import { seedFullCase } from "../support/full-case";

const serverUrl = process.env.DATABASE_URL;
const folder = mkdtempSync(path.join(tmpdir(), "secondlook-backup-test-"));
const dropAfter: string[] = [];
const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : null;

/** A new, empty database to back up from or restore into: a data folder, or a database on the server. */
async function emptyTarget(label: string): Promise<BackupTarget> {
  if (!admin || !serverUrl) return { kind: "pglite", dataDir: path.join(folder, label, "pglite") };
  const name = `secondlook_test_${label}_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  dropAfter.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString() };
}

const open = (target: BackupTarget): Database => openDatabase(target.kind === "postgres" ? { ...target, maxConnections: 3 } : target);

/** What a restore must not change: the data folder's files and their sizes and times, or every table's row count. */
async function fingerprint(target: BackupTarget): Promise<string[]> {
  if (target.kind === "pglite") {
    const files = readdirSync(target.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    return files.map((f) => path.join(f.parentPath, f.name)).sort().map((file) => `${file} ${statSync(file).size} ${statSync(file).mtimeMs}`);
  }
  const sql = postgres(target.url, { max: 1 });
  try {
    const tables = await sql<{ name: string }[]>`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname in ('public', 'drizzle') order by 1`;
    return await Promise.all(tables.map(async ({ name }) => `${name} ${(await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${name}`))[0]!.n}`));
  } finally {
    await sql.end();
  }
}

type Seeded = { caseId: string; ownerId: string }[];

/** Every case's export as the owner downloads it, with the clock held still (the export names its time). */
async function exportsOf(database: Database, cases: Seeded, at: Date): Promise<string[]> {
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    const texts: string[] = [];
    for (const { caseId, ownerId } of cases) {
      const owner = await requireCaseMember(database.db, caseId, ownerId, "owner");
      texts.push(await new Response(caseExportStream(database.db, await readCaseExport(database.db, owner))).text());
    }
    return texts;
  } finally {
    vi.useRealTimers();
  }
}

/** Every stored file's SHA-256, by key, read back through the app's file storage. */
async function fileHashes(database: Database): Promise<Record<string, string>> {
  const storage = createPostgresStorage(database.db);
  const keys = await database.db.select({ key: fileBlobs.key }).from(fileBlobs);
  const hashes: Record<string, string> = {};
  for (const { key } of keys) hashes[key] = createHash("sha256").update((await storage.get(key))!).digest("hex");
  return hashes;
}

let source: BackupTarget;
const cases: Seeded = [];
let before: { exports: string[]; files: Record<string, string> };
const exportedAt = new Date();
const backupFile = path.join(folder, "drill.backup.tar");

beforeAll(async () => {
  source = await emptyTarget("source");
  const database = open(source);
  try {
    await migrateDatabase(database);
    for (let i = 0; i < 3; i++) {
      const seeded = await seedFullCase(database.db);
      // A larger binary file besides the seed's text one: bytes that are not text must survive too.
      const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(300_000 + i), Buffer.from("\n%%EOF\n")]);
      await uploadRecordFile({
        db: database.db,
        userId: seeded.me.id,
        caseId: seeded.caseId,
        recordId: seeded.recordId,
        fileName: `scan-${i}.pdf`,
        body: (async function* () {
          yield new Uint8Array(bytes);
        })(),
      });
      cases.push({ caseId: seeded.caseId, ownerId: seeded.me.id });
    }
    before = { exports: await exportsOf(database, cases, exportedAt), files: await fileHashes(database) };
  } finally {
    await database.close();
  }
}, 300_000); // a new PGlite in a folder plus three full cases: it has taken over 3 min at load 25 on 2 cores

afterAll(async () => {
  for (const name of dropAfter) await admin?.unsafe(`drop database if exists "${name}" with (force)`);
  await admin?.end();
  rmSync(folder, { recursive: true, force: true });
});

describe(`restore drill (${serverUrl ? "PostgreSQL" : "embedded database"})`, () => {
  let restored: BackupTarget;

  // Four databases are opened (PGlite from a folder is CPU-bound): a few seconds on an idle machine, over 40 s at load 25 on 2 cores.
  it("restores every case to an identical export, and every file to the same SHA-256", { timeout: 180_000 }, async () => {
    const manifest = await backupDatabase(source, backupFile);
    expect(manifest).toMatchObject({ database: source.kind, schemaVersion: { tag: expect.stringMatching(/^\d{4}_/) } });

    restored = await emptyTarget("restored");
    const result = await restoreDatabase(backupFile, restored);
    expect(result.pendingMigrations).toBe(0);

    const database = open(restored);
    try {
      const after = { exports: await exportsOf(database, cases, exportedAt), files: await fileHashes(database) };
      expect(Object.keys(before.files)).toHaveLength(6);
      expect(after.files).toEqual(before.files);
      expect(after.exports).toHaveLength(3);
      // Byte for byte: compared as whole strings, so a difference shows where it is.
      for (const [i, text] of after.exports.entries()) expect(text).toBe(before.exports[i]);
    } finally {
      await database.close();
    }
  });

  it("refuses to restore into a database that is not empty, and changes nothing there", async () => {
    const before = await fingerprint(restored);
    expect(before).not.toEqual([]);
    await expect(restoreDatabase(backupFile, restored)).rejects.toThrow(
      restored.kind === "postgres" ? /is not empty .* pass --force to replace/ : /already holds a database.* pass --force/,
    );
    expect(await fingerprint(restored)).toEqual(before);
  });

  it("refuses a damaged backup, one cut short, and one from a newer version, before touching the target", async () => {
    const bytes = readFileSync(backupFile);
    const damaged = Buffer.from(bytes);
    damaged[2048] = damaged[2048]! ^ 0xff; // inside the dump
    writeFileSync(path.join(folder, "damaged.tar"), damaged);
    writeFileSync(path.join(folder, "cut.tar"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await writeBackupFile(
      path.join(folder, "newer.tar"),
      "database.pgdump",
      { createdAt: new Date().toISOString(), database: source.kind, schemaVersion: { tag: "9999_from_the_future", createdAt: 1 }, tool: "test" },
      (write) => write(new Uint8Array([1, 2, 3])),
    );

    const target = await emptyTarget("refused");
    await expect(restoreDatabase(path.join(folder, "damaged.tar"), target)).rejects.toThrow("do not match the SHA-256 checksum");
    await expect(restoreDatabase(path.join(folder, "cut.tar"), target)).rejects.toThrow("The backup file is incomplete");
    await expect(restoreDatabase(path.join(folder, "newer.tar"), target)).rejects.toThrow("made by a newer SecondLook");
    await expect(restoreDatabase(path.join(folder, "missing.tar"), target)).rejects.toThrow("There is no backup file");

    // Untouched: no data folder was made, or the database still has no tables.
    if (target.kind === "pglite") expect(existsSync(target.dataDir)).toBe(false);
    else {
      const sql = postgres(target.url, { max: 1 });
      expect(await sql`select 1 from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`).toHaveLength(0);
      await sql.end();
    }
  });
});
