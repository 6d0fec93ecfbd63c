/**
 * Backup and restore of the benchmarks' 10 001-case database (README "Operating it", docs/PERFORMANCE.md):
 * the workspace bench's large case (200 questions, 500 notes, 60 records with files, …) plus 10 000 other
 * cases and 1 000 000 notes. It is built on a fresh PostgreSQL database, backed up with `npm run backup`'s
 * code, restored with `npm run restore`'s into another fresh database, and the restored row counts are
 * checked; then the same on the embedded database (PGlite) in a temporary folder.
 * Run: `npm run bench:backup`. DATABASE_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres);
 * BENCH_BACKUP_EMBEDDED=0 skips the embedded run. Both bench databases are dropped afterwards.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { cases, fileBlobs, notes } from "@/db/schema";
import { backupDatabase, restoreDatabase, type BackupTarget } from "@/server/backup";
import { createBenchDatabase, GROW_TO_10000_CASES, seedLargeCaseIn } from "./large-case";

const folder = mkdtempSync(path.join(tmpdir(), "secondlook-backup-bench-"));
const rows: Record<string, string | number>[] = [];

async function counts(database: Database) {
  const [c, n, f] = await Promise.all([database.db.$count(cases), database.db.$count(notes), database.db.$count(fileBlobs)]);
  return `${c} cases, ${n} notes, ${f} files`;
}

async function seed(target: BackupTarget): Promise<{ counts: string; databaseMb: number }> {
  const database = openDatabase(target);
  try {
    await migrateDatabase(database);
    await seedLargeCaseIn(database.db);
    for (const statement of GROW_TO_10000_CASES) await database.db.execute(sql.raw(statement));
    const [size] = await database.db.execute<{ bytes: string }>(sql`select pg_database_size(current_database())::text as bytes`).then((r) =>
      Array.isArray(r) ? r : (r as unknown as { rows: { bytes: string }[] }).rows,
    );
    return { counts: await counts(database), databaseMb: Number(size?.bytes ?? 0) / 1e6 };
  } finally {
    await database.close();
  }
}

async function measure(label: string, source: BackupTarget, restored: BackupTarget) {
  console.log(`${label}: seeding the 10 001-case database …`);
  let started = performance.now();
  const seeded = await seed(source);
  const seedS = (performance.now() - started) / 1000;
  console.log(`  seeded in ${seedS.toFixed(0)} s: ${seeded.counts}`);

  const file = path.join(folder, `${source.kind}.backup.tar`);
  started = performance.now();
  await backupDatabase(source, file);
  const backupS = (performance.now() - started) / 1000;
  console.log(`  backed up in ${backupS.toFixed(1)} s`);

  started = performance.now();
  await restoreDatabase(file, restored);
  const restoreS = (performance.now() - started) / 1000;
  console.log(`  restored in ${restoreS.toFixed(1)} s`);

  const check = openDatabase(restored);
  const restoredCounts = await counts(check).finally(() => check.close());
  if (restoredCounts !== seeded.counts) throw new Error(`${label}: restored ${restoredCounts}, expected ${seeded.counts}`);
  rows.push({
    database: label,
    "rows restored": restoredCounts,
    "database MB": Number(seeded.databaseMb.toFixed(0)),
    "backup file MB": Number((statSync(file).size / 1e6).toFixed(1)),
    "backup s": Number(backupS.toFixed(1)),
    "restore s": Number(restoreS.toFixed(1)),
  });
}

const loadBefore = loadavg()[0]!;
const server = await createBenchDatabase();
const target = await createBenchDatabase();
try {
  await measure("PostgreSQL 15 (pg_dump / pg_restore)", { kind: "postgres", url: server.url }, { kind: "postgres", url: target.url });
} finally {
  await server.drop();
  await target.drop();
}
if (process.env.BENCH_BACKUP_EMBEDDED !== "0") {
  await measure("Embedded (PGlite)", { kind: "pglite", dataDir: path.join(folder, "source", "pglite") }, { kind: "pglite", dataDir: path.join(folder, "restored", "pglite") });
}
rmSync(folder, { recursive: true, force: true });

const pgDump = execFileSync("pg_dump", ["--version"]).toString().trim();
console.log(`\nBackup and restore of the 10 001-case database (${pgDump}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores)\n`);
console.table(rows);
