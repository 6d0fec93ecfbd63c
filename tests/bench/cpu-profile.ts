/**
 * Where a server's main thread spent its time during chosen windows, from the V8 CPU profile that
 * `node --cpu-prof` writes when the server exits (the phone bench's BENCH_PROFILE=1). Windows are given
 * on the machine's monotonic clock (`monotonicMicros()`), which is the clock V8 stamps its samples with,
 * so a window taken in the bench selects the same moments in the server's profile.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

export type Window = { from: number; to: number };

/** Who the time belongs to. "app" is our code and the libraries it uses, bundled (next-intl, drizzle, zod) or not (postgres). */
export const SHARES = ["framework", "node", "vm", "app"] as const;
export type Share = (typeof SHARES)[number];

export const SHARE_LABELS: Record<Share, string> = {
  framework: "Next's server and React's renderer",
  node: "Node (HTTP, streams, zlib, crypto, async context)",
  vm: "garbage collection and native code",
  app: "the app's code and its libraries",
};

export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function shareOf({ functionName, url }: ProfileNode["callFrame"]): Share | null {
  if (functionName === "(idle)") return null;
  if (!url) return "vm"; // the garbage collector, (program), natives such as zlib and socket writes
  if (url.startsWith("node:")) return "node";
  // Turbopack's module runtime is the framework's, though it sits among the bundle's chunks.
  if (url.includes("/node_modules/next/") || url.includes("/node_modules/react") || url.includes("_runtime.js")) return "framework";
  if (url.includes("/.next/server/")) return "app";
  return url.includes("/node_modules/") ? "app" : "vm";
}

/** The one profile `--cpu-prof` wrote into `dir` (the server is one process). */
export function readProfile(dir: string): CpuProfile {
  const files = readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length !== 1) throw new Error(`expected one CPU profile in ${dir}, found ${files.length}`);
  return JSON.parse(readFileSync(path.join(dir, files[0]!), "utf8")) as CpuProfile;
}

/** Each sample within `window`: the function it was in and how long (ms) it stood for. */
function* samplesWithin(profile: CpuProfile, window: Window) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  let at = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= window.from && at <= window.to) yield { frame: nodes.get(id)!, ms: delta / 1000 };
  }
}

/** Busy main-thread milliseconds by share within `window`. */
export function sharesWithin(profile: CpuProfile, window: Window): Record<Share, number> {
  const totals: Record<Share, number> = { framework: 0, node: 0, vm: 0, app: 0 };
  for (const { frame, ms } of samplesWithin(profile, window)) {
    const share = shareOf(frame);
    if (share) totals[share] += ms;
  }
  return totals;
}

/** The app's functions that took most of `window` (self time, ms), as "name file:line". */
export function topAppFunctions(profile: CpuProfile, window: Window, count: number): { name: string; ms: number }[] {
  const totals = new Map<string, number>();
  for (const { frame, ms } of samplesWithin(profile, window)) {
    if (shareOf(frame) !== "app") continue;
    const name = `${frame.functionName || "(anonymous)"} ${path.basename(frame.url)}:${frame.lineNumber}`;
    totals.set(name, (totals.get(name) ?? 0) + ms);
  }
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, count);
}
