/**
 * The app-kill loop, on either database: the production server is killed with SIGKILL (its whole
 * process group) at a random moment while writes stream in, and started again on the same database,
 * `crashes` times. After every start the check runs: every acknowledged write there in full, nothing
 * half-written.
 */
import type { DatabaseTarget } from "@/db/client";
import { BENCH_AUTH_SECRET } from "../bench/large-case";
import { startServer } from "../bench/server";
import { killGroup, type Figures } from "./report";
import { checkLedger, Ledger, seedTarget, writeStream } from "./workload";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function appKillLoop({ mode, port, target, env, crashes }: { mode: string; port: number; target: DatabaseTarget; env: Record<string, string>; crashes: number }): Promise<Figures> {
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = { AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: base, ...env };
  const figures: Figures = { mode, crashes: 0, acknowledged: 0, checked: 0, lost: [], partial: [], startMs: [] };
  const t = await seedTarget(target, base);
  const ledger = new Ledger();
  for (let round = 1; round <= crashes + 1; round++) {
    const started = Date.now();
    const server = await startServer({ port, env: serverEnv, timeoutMs: 120_000 });
    figures.startMs.push(Date.now() - started);
    try {
      // The check after the previous crash (the first time, of an empty case).
      const result = await checkLedger(t, ledger);
      figures.checked += result.checked;
      figures.lost.push(...result.lost.map((item) => `after crash ${round - 1}: ${item}`));
      figures.partial.push(...result.partial.map((item) => `after crash ${round - 1}: ${item}`));
      if (round > 1) console.log(`${mode}: after crash ${round - 1} (started in ${figures.startMs.at(-1)} ms): ${result.checked} acknowledged writes checked, ${figures.lost.length} lost and ${figures.partial.length} half-written so far`);
    } catch (error) {
      await killGroup(server.proc, "SIGKILL");
      throw error;
    }
    if (round > crashes) {
      await killGroup(server.proc, "SIGTERM");
      break;
    }
    const stream = writeStream(t, ledger, `r${round}`);
    // The kill lands while writes are being acknowledged: after this round's first, at a random moment.
    const ackedBefore = ledger.acked.size;
    for (const deadline = Date.now() + 60_000; ledger.acked.size === ackedBefore && Date.now() < deadline; ) await sleep(20);
    await sleep(Math.random() * 1_500);
    await killGroup(server.proc, "SIGKILL");
    await stream.stop();
    figures.crashes++;
    console.log(`${mode}: crash ${round}, ${ledger.acked.size} writes acknowledged so far of ${ledger.sent.size} sent`);
  }
  figures.acknowledged = ledger.acked.size;
  figures.otherFailures = ledger.otherFailures;
  return figures;
}
