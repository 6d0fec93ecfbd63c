/** What the benches share about running a production server (`next start`) and measuring it. */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type Server = { proc: ChildProcess; lines: string[]; base: string };

/** The value at percentile `p` of values sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * `next start` of the app in `cwd` on `port`, in its own process group (so stopping it stops every
 * process it started), resolved once `readyPath` answers 200.
 */
export async function startServer({
  port,
  env,
  cwd = process.cwd(),
  nextBin = "node_modules/.bin/next",
  readyPath = "/sign-in",
  timeoutMs = 30_000,
  nodeArgs = [],
}: {
  port: number;
  env: Record<string, string>;
  cwd?: string;
  nextBin?: string;
  readyPath?: string;
  timeoutMs?: number;
  /** Options for Node itself (`--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const command = nodeArgs.length > 0 ? [process.execPath, ...nodeArgs, nextBin] : [nextBin];
  const proc = spawn(command[0]!, [...command.slice(1), "start", "-p", String(port)], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  proc.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n")));
  proc.stderr!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n")));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) return { proc, lines, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopServer({ proc });
  throw new Error(`the server did not start:\n${lines.join("\n")}`);
}

export async function stopServer({ proc }: Pick<Server, "proc">) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  process.kill(-proc.pid!, "SIGTERM");
  const timer = setTimeout(() => process.kill(-proc.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * CPU time (user + system, ms) used so far by the server's process group, from /proc. Per request it
 * is the figure that decides throughput on a small machine, whatever else shares the cores.
 */
export function serverCpuMs({ proc }: Pick<Server, "proc">): number {
  const ticksPerMs = 100 / 1000; // CLK_TCK is 100 on Linux
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // Fields after the ")" that ends the command name: state is 3rd, pgrp 5th, utime 14th, stime 15th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(fields[2]) === proc.pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / ticksPerMs;
}
