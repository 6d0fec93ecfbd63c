/**
 * `npm run bench`: how long a save by one person takes to reach another person's live stream.
 * 200 saves (a question each) by A, each timed until B's subscription yields it: from the start of
 * the save (A's whole round trip plus delivery) and from the moment the save returned (commit →
 * NOTIFY → LISTEN → hub → B's stream). On PGlite (one process) and on PostgreSQL, where A and B
 * are two "instances" (separate pools, hubs and LISTEN connections) on a database created for the
 * run and dropped after it. Server: BENCH_DATABASE_URL, else DATABASE_URL, else the local one.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { migrateDatabase } from "@/db/migrate";
import { attachLiveHub, liveHubOf } from "@/server/live/hub";
import { callerFor } from "../support/callers";
import { subscribe } from "../support/live";

const SAVES = 200;

type Row = { target: string; p50Save: number; p95Save: number; p50Commit: number; p95Commit: number; max: number };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(target: string, instanceA: Database, instanceB: Database): Promise<Row> {
  const owner = await createUser(instanceA.db, { name: "Bench Owner" });
  const supporter = await createUser(instanceA.db, { name: "Bench Supporter" });
  const { id: caseId } = await createCase(instanceA.db, owner.id);
  await addMember(instanceA.db, caseId, supporter.id, "supporter");
  const saver = await callerFor(instanceA.db, supporter);
  const stream = await subscribe(instanceB.db, owner, caseId);
  const fromSave: number[] = [];
  const fromCommit: number[] = [];
  for (let i = 0; i < SAVES + 10; i++) {
    const started = performance.now();
    const question = await saver.question.create({ caseId, text: `Bench question ${i}` });
    const returned = performance.now();
    while (true) {
      const { message } = await stream.next(10_000);
      if (message.kind === "change" && message.entityId === question.id) break;
    }
    const arrived = performance.now();
    if (i < 10) continue; // warm-up
    fromSave.push(arrived - started);
    fromCommit.push(arrived - returned);
  }
  await stream.close();
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    target,
    p50Save: round(percentile(fromSave, 50)),
    p95Save: round(percentile(fromSave, 95)),
    p50Commit: round(percentile(fromCommit, 50)),
    p95Commit: round(percentile(fromCommit, 95)),
    max: round(Math.max(...fromSave)),
  };
}

async function onPglite(): Promise<Row> {
  const database = openDatabase({ kind: "pglite" });
  await migrateDatabase(database);
  attachLiveHub(database);
  try {
    return await measure("PGlite (one process)", database, database);
  } finally {
    await liveHubOf(database.db).close();
    await database.close();
  }
}

async function onPostgres(serverUrl: string): Promise<Row | string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = `secondlook_bench_${randomBytes(4).toString("hex")}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end();
    return `PostgreSQL skipped: could not create a database on ${serverUrl} (${(error as Error).message})`;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 5 });
  const b = openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 5 });
  try {
    await migrateDatabase(a);
    attachLiveHub(a);
    attachLiveHub(b);
    return await measure("PostgreSQL (A and B: two instances)", a, b);
  } finally {
    await liveHubOf(a.db).close();
    await liveHubOf(b.db).close();
    await a.close();
    await b.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const rows: (Row | string)[] = [await onPglite()];
rows.push(await onPostgres(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"));

console.log(`\nLive latency, ${SAVES} saves each (ms; goal: p95 from save ≤ 250)\n`);
console.log("| target | p50 from save | p95 from save | p50 from commit | p95 from commit | max from save |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const row of rows) {
  if (typeof row === "string") console.log(`| ${row} | | | | | |`);
  else console.log(`| ${row.target} | ${row.p50Save} | ${row.p95Save} | ${row.p50Commit} | ${row.p95Commit} | ${row.max} |`);
}
