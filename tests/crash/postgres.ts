/**
 * `npm run test:crash:postgres`, on PostgreSQL:
 * 1. The app-kill loop (tests/crash/app-kill.ts) on a fresh database on the shared server
 *    (CRASH_DATABASE_URL, else DATABASE_URL, else 127.0.0.1:5432), dropped afterwards.
 * 2. PostgreSQL itself crashed under load: a cluster of the test's own (tests/crash/cluster.ts) is
 *    stopped with `-m immediate` while writes stream in, RESTARTS times (5; CRASH_SOAK=1: 20). During
 *    the outage every refused request must be a 503 with Retry-After; once the database is back the
 *    app must serve again within 5 s, and a change made then must reach a live stream opened before
 *    the first crash (the hub's LISTEN comes back). At the end no acknowledged write may be lost.
 * Exits 1 when any of that fails.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { BENCH_AUTH_SECRET } from "../bench/large-case";
import { startServer } from "../bench/server";
import { appKillLoop } from "./app-kill";
import { Cluster, freePort } from "./cluster";
import { openLiveStream } from "./live-stream";
import { crashCount, killGroup, median, report, type Figures } from "./report";
import { checkLedger, Ledger, seedTarget, writeOnce, writeStream } from "./workload";

const PORT = Number(process.env.CRASH_PORT ?? 3500);
const SERVER_URL = process.env.CRASH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const RESTARTS = process.env.RESTARTS ? Number(process.env.RESTARTS) : process.env.CRASH_SOAK === "1" ? 20 : 5;
/** The promise: serving again within this long after the database is back. */
const RECOVERY_LIMIT_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function appKilled(): Promise<Figures> {
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  const name = `secondlook_crash_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  try {
    return await appKillLoop({
      mode: "PostgreSQL server: the app killed",
      port: PORT,
      target: { kind: "postgres", url: url.toString(), maxConnections: 2 },
      env: { DATABASE_URL: url.toString() },
      crashes: crashCount(),
    });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function databaseRestarted(): Promise<Figures> {
  const cluster = await Cluster.create(await freePort(PORT + 40, PORT + 99));
  const base = `http://127.0.0.1:${PORT}`;
  const figures: Figures = { mode: "PostgreSQL crashed (pg_ctl stop -m immediate) under load", crashes: 0, acknowledged: 0, checked: 0, lost: [], partial: [], startMs: [], recoveryMs: [], notes: [] };
  const liveMs: number[] = [];
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    cluster.start();
    const t = await seedTarget({ kind: "postgres", url: cluster.url, maxConnections: 2 }, base);
    const started = Date.now();
    server = await startServer({ port: PORT, env: { DATABASE_URL: cluster.url, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: base }, timeoutMs: 120_000 });
    figures.startMs.push(Date.now() - started);
    const ledger = new Ledger();
    const live = openLiveStream(t);
    await live.opened(30_000);
    const first = await writeOnce(t, ledger, "before-any-crash", "note");
    if (!first) throw new Error("the first write was not acknowledged");
    await live.waitFor(first, 15_000);
    const stream = writeStream(t, ledger, "pg");
    for (let round = 1; round <= RESTARTS; round++) {
      await sleep(500 + Math.random() * 1_500);
      const refusedBefore = ledger.unavailable;
      cluster.crash();
      figures.crashes++;
      // The database stays away for at least 2 s, and until the writers have been told 503 + Retry-After.
      const down = Date.now();
      while (Date.now() - down < 2_000 || (ledger.unavailable === refusedBefore && Date.now() - down < 30_000)) await sleep(50);
      if (ledger.unavailable === refusedBefore) figures.otherFailures = [...(figures.otherFailures ?? []), `restart ${round}: no request was answered 503 with Retry-After within 30 s of the crash`];
      cluster.start();
      const back = Date.now();
      let id: string | null = null;
      while (!(id = await writeOnce(t, ledger, `probe-${round}-${Date.now()}`, "note"))) await sleep(100);
      const recovered = Date.now() - back;
      figures.recoveryMs!.push(recovered);
      // A change made after recovery reaches the stream that was open before the crash (reconnecting as a browser does).
      let delivered: number | undefined;
      try {
        liveMs.push((delivered = await live.waitFor(id, 20_000)));
      } catch (error) {
        figures.otherFailures = [...(figures.otherFailures ?? []), `restart ${round}: ${(error as Error).message}`];
      }
      console.log(`restart ${round}: serving again ${recovered} ms after the database returned; the change reached the live stream ${delivered ?? "— (never)"} ms after it was saved`);
      if (recovered > RECOVERY_LIMIT_MS) figures.otherFailures = [...(figures.otherFailures ?? []), `restart ${round}: serving again took ${recovered} ms (limit ${RECOVERY_LIMIT_MS})`];
    }
    await stream.stop();
    await live.close();
    const result = await checkLedger(t, ledger);
    figures.checked = result.checked;
    figures.acknowledged = ledger.acked.size;
    figures.lost = result.lost;
    figures.partial = result.partial;
    figures.otherFailures = [...(figures.otherFailures ?? []), ...ledger.otherFailures];
    if (ledger.unavailableWithoutRetryAfter) figures.otherFailures.push(`${ledger.unavailableWithoutRetryAfter} answers 503 without Retry-After`);
    figures.notes!.push(
      `requests refused with 503 + Retry-After during the outages: ${ledger.unavailable}`,
      `a change after recovery reached the open live stream (median / max): ${median(liveMs)} / ${Math.max(...liveMs)} ms; the stream was (re)opened ${live.connections()} times`,
    );
  } finally {
    if (server) await killGroup(server.proc, "SIGTERM");
    cluster.remove();
  }
  return figures;
}

async function main() {
  const killed = report(await appKilled());
  const restarted = report(await databaseRestarted());
  return killed && restarted;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
