/** What the crash tests share: how many crashes, killing a server's process group, and the figures they print. */
import type { ChildProcess } from "node:child_process";

/** 20 crashes per loop in CI; CRASH_SOAK=1 for a longer soak (100), CRASHES=n for any other count. */
export function crashCount(): number {
  if (process.env.CRASHES) return Number(process.env.CRASHES);
  return process.env.CRASH_SOAK === "1" ? 100 : 20;
}

/** Sends `signal` to the server's whole process group and waits for it to exit. */
export async function killGroup(proc: ChildProcess, signal: "SIGKILL" | "SIGTERM") {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  process.kill(-proc.pid!, signal);
  const timer = setTimeout(() => process.kill(-proc.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export type Figures = {
  mode: string;
  crashes: number;
  /** Distinct writes the server acknowledged. */
  acknowledged: number;
  /** Acknowledged writes checked, summed over every check (a write is checked after each later crash too). */
  checked: number;
  lost: string[];
  partial: string[];
  startMs: number[];
  recoveryMs?: number[];
  otherFailures?: string[];
  notes?: string[];
};

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Prints the figures; true when nothing was lost or half-written and no request failed unexpectedly. */
export function report(f: Figures): boolean {
  const lines = [
    `\n=== ${f.mode}`,
    `crashes tried: ${f.crashes}`,
    `writes acknowledged: ${f.acknowledged}; checked ${f.checked} times in all (each write again after every later crash)`,
    `writes lost: ${f.lost.length}`,
    `half-written items: ${f.partial.length}`,
    `server start (median / max): ${median(f.startMs)} / ${Math.max(...f.startMs)} ms`,
  ];
  if (f.recoveryMs) lines.push(`serving again after the database returned (median / max over ${f.recoveryMs.length}): ${median(f.recoveryMs)} / ${Math.max(...f.recoveryMs)} ms`);
  for (const note of f.notes ?? []) lines.push(note);
  console.log(lines.join("\n"));
  for (const item of [...f.lost, ...f.partial, ...(f.otherFailures ?? [])].slice(0, 20)) console.log(`  ! ${item}`);
  return f.lost.length === 0 && f.partial.length === 0 && (f.otherFailures ?? []).length === 0;
}
