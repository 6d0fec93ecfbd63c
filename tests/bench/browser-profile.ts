/**
 * Whose code blocks a phone's main thread while a page loads (the phone bench's BENCH_BROWSER_PROFILE=1).
 * Chromium loads the page at 390 × 844 with its CPU slowed 4× (Lighthouse's mobile setting) while a
 * trace records the main thread's tasks and V8's samples. The samples inside long tasks (over 50 ms, the
 * ones total blocking time counts) are charged to whose code was running: each sample to its own place
 * in one of the build's chunks, or to the nearest function on its stack that is in one (a DOM call React
 * makes is React's), named through the build's source maps (a build made with BENCH_SOURCE_MAPS=1).
 * Samples outside any script are the browser's own work (parsing, style, layout, paint, garbage
 * collection). The same page loaded with its scripts blocked gives what drawing its content costs.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import type { Browser } from "@playwright/test";

export const OWNERS = ["react", "next", "intl", "data", "libraries", "app", "browser"] as const;
export type Owner = (typeof OWNERS)[number];

export const OWNER_LABELS: Record<Owner, string> = {
  react: "React (react-dom, RSC client, scheduler)",
  next: "Next (router, RSC payload, Turbopack runtime)",
  intl: "next-intl",
  data: "tRPC + React Query",
  libraries: "other libraries",
  app: "the app's code",
  browser: "the browser (parse, style, layout, paint, GC)",
};

export type LoadProfile = {
  /** Sum of the long tasks' lengths, and of their parts beyond 50 ms (what TBT adds up). */
  longTaskMs: number;
  blockingMs: number;
  /** Sampled time inside long tasks, by owner. */
  owners: Record<Owner, number>;
  /** Style recalculation and layout inside long tasks (trace events; overlaps the owners above). */
  styleLayoutMs: number;
  /** The same sampled time by place in the source ("file:line:column"), or by the browser's own entry ("(program)", "(garbage collector)"). */
  sources: Record<string, number>;
  /** The long tasks' time by their outermost traced steps (ParseHTML, EvaluateScript, Layout, …). */
  steps: Record<string, number>;
};

/** Source paths as Turbopack names them: turbopack:///[project]/node_modules/react-dom/… */
function ownerOfSource(source: string): Owner {
  // Next brings its own React for the App Router: next/dist/compiled/react-dom, …/react-server-dom-turbopack.
  const modules = /\/node_modules\/(?:next\/dist\/compiled\/)?((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
  if (!modules) return source.includes("[turbopack]") ? "next" : "app";
  if (/^(react|react-dom|react-server-dom-[a-z]+|scheduler)$/.test(modules)) return "react";
  if (modules === "next" || modules.startsWith("@next/")) return "next";
  if (modules === "next-intl" || modules === "use-intl") return "intl";
  if (modules.startsWith("@trpc/") || modules.startsWith("@tanstack/")) return "data";
  return "libraries";
}

/** Names places in a build's chunks by their source, from the build's maps on disk (its `.next` folder). */
export class ChunkOwners {
  private maps = new Map<string, TraceMap | null>();
  constructor(private distDir: string) {}

  private mapFor(chunkPath: string): TraceMap | null {
    if (!this.maps.has(chunkPath)) {
      const file = path.join(this.distDir, "static", chunkPath.replace(/^\/_next\/static\//, ""));
      const reference = existsSync(file) ? /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, "utf8"))?.[1] : undefined;
      const mapFile = reference && path.join(path.dirname(file), reference);
      this.maps.set(chunkPath, mapFile && existsSync(mapFile) ? new TraceMap(readFileSync(mapFile, "utf8")) : null);
    }
    return this.maps.get(chunkPath)!;
  }

  /** The source file, line and column of a place in a chunk; null when it is no script of the page (a native function). */
  sourceOf(url: string, line: number, column: number): string | null {
    if (!url.startsWith("http")) return null;
    const { pathname } = new URL(url);
    // The inline scripts of an App Router page are Next's: the RSC payload it streams into the HTML.
    if (!pathname.startsWith("/_next/static/")) return "[turbopack] inline RSC payload";
    const map = this.mapFor(pathname);
    if (!map) throw new Error(`No source map for ${pathname}: build with BENCH_SOURCE_MAPS=1 (the bench does so itself).`);
    const original = originalPositionFor(map, { line: line + 1, column });
    return original.source ? `${original.source}:${original.line}:${original.column}` : `[turbopack] unmapped part of ${pathname}`;
  }
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: ProfileData; beginData?: { url?: string } };
};
/** The trace leaves out a frame's empty or zero fields. */
type ProfileNode = { id: number; parent?: number; callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number } };
/** `lines` and `columns` (1-based) place each sample inside its function; 0 where V8 could not. */
type ProfileData = { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[]; lines?: number[]; columns?: number[] };

const LONG_TASK_US = 50_000;

/** The trace's long tasks and samples, from the main thread of the page's renderer. */
function attribute(events: TraceEvent[], url: string, owners: ChunkOwners): LoadProfile {
  // The profile's chunks come from V8's sampler thread: they belong to the main thread's profile by its id.
  // A thread has a profile per isolate it ran (the navigation may start a new one).
  const mainThreads = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const profilesOf = (thread: TraceEvent) => events.filter((e) => e.name === "Profile" && e.pid === thread.pid && e.tid === thread.tid);
  const chunksOf = (profile: TraceEvent) => events.filter((e) => e.name === "ProfileChunk" && e.pid === profile.pid && e.id === profile.id);
  const sampleCount = (thread: TraceEvent) =>
    profilesOf(thread)
      .flatMap(chunksOf)
      .reduce((n, e) => n + (e.args?.data?.cpuProfile?.samples?.length ?? 0), 0);
  // The page's own renderer parsed its HTML; Chromium's own pages run in others.
  const parsedPage = (thread: TraceEvent) => events.some((e) => e.name === "ParseHTML" && e.pid === thread.pid && e.tid === thread.tid && e.args?.beginData?.url === url);
  const main = mainThreads.filter(parsedPage).sort((a, b) => sampleCount(b) - sampleCount(a))[0];
  if (!main) throw new Error(`The trace has no renderer that parsed ${url}.`);
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;

  const longTasks = events.filter((e) => onMain(e) && e.ph === "X" && e.name === "RunTask" && (e.dur ?? 0) > LONG_TASK_US);
  const inLongTask = (ts: number) => longTasks.some((task) => ts >= task.ts && ts < task.ts + task.dur!);
  const styleLayout = events.filter((e) => onMain(e) && e.ph === "X" && (e.name === "UpdateLayoutTree" || e.name === "Layout") && inLongTask(e.ts));

  const nodes = new Map<number, ProfileNode>();
  // Each sample goes to where it ran: its own position when it ran in a chunk's code (a module's top-level
  // code runs inside Turbopack's factory wrapper, whose start maps to the runtime), else the start of the
  // nearest function on its stack that is in one (a DOM call React makes is React's).
  const whose = (id: number, line: number, column: number): { source: string; owner: Owner } => {
    for (let node = nodes.get(id), own = true; node; node = node.parent === undefined ? undefined : nodes.get(node.parent), own = false) {
      const { url, lineNumber, columnNumber } = node.callFrame;
      const at = own && line > 0 ? { line: line - 1, column: column - 1 } : { line: lineNumber ?? 0, column: columnNumber ?? 0 };
      const source = owners.sourceOf(url ?? "", at.line, at.column);
      if (source) {
        // A native function called from there is named, as "file:line:column → PluralRules".
        const native = own ? "" : ` → ${nodes.get(id)?.callFrame.functionName || "(anonymous)"}`;
        return { source: source.replace(/^turbopack:\/\/\/(\[project\]\/)?/, "") + native, owner: ownerOfSource(source) };
      }
    }
    return { source: nodes.get(id)?.callFrame.functionName || "(program)", owner: "browser" };
  };
  const sampled = Object.fromEntries(OWNERS.map((owner) => [owner, 0])) as Record<Owner, number>;
  const sources: Record<string, number> = {};
  for (const profile of profilesOf(main)) {
    // Chunks bring nodes as they are first sampled, and each sample's time since the one before.
    nodes.clear();
    let time = profile.args?.data?.startTime ?? NaN;
    for (const chunk of chunksOf(profile)) {
      const data = chunk.args?.data;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      const [lines, columns] = [data?.lines ?? [], data?.columns ?? []];
      samples.forEach((id, i) => {
        const delta = deltas[i] ?? 0;
        time += delta;
        const name = nodes.get(id)?.callFrame.functionName;
        if (name === "(idle)" || name === "(root)" || !inLongTask(time)) return;
        const { source, owner } = whose(id, lines[i] ?? 0, columns[i] ?? 0);
        sampled[owner] += delta / 1000;
        sources[source] = (sources[source] ?? 0) + delta / 1000;
      });
    }
  }
  // Each long task's outermost steps: a step starting before the previous one ends is inside it.
  const steps: Record<string, number> = {};
  for (const task of longTasks) {
    const inside = events
      .filter((e) => onMain(e) && e.ph === "X" && e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur!)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    let covered = 0;
    for (const step of inside) {
      if (step.ts < end) continue;
      end = step.ts + (step.dur ?? 0);
      covered += step.dur ?? 0;
      steps[step.name] = (steps[step.name] ?? 0) + (step.dur ?? 0) / 1000;
    }
    steps["(the task itself)"] = (steps["(the task itself)"] ?? 0) + (task.dur! - covered) / 1000;
  }
  const sum = (list: TraceEvent[], f: (e: TraceEvent) => number) => list.reduce((total, e) => total + f(e), 0) / 1000;
  return {
    longTaskMs: sum(longTasks, (task) => task.dur!),
    blockingMs: sum(longTasks, (task) => task.dur! - LONG_TASK_US),
    owners: sampled,
    styleLayoutMs: sum(styleLayout, (e) => e.dur ?? 0),
    sources,
    steps,
  };
}

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "disabled-by-default-v8.cpu_profiler"];

/**
 * One cold load of `url` on a fresh phone-sized page, 4× slower CPU, until 3 s after the load event.
 * `withScripts: false` loads the same page without the build's scripts (its HTML and styles only; the
 * inline RSC payload still runs, it only queues data): what drawing its content costs by itself.
 */
export async function profileLoad(
  browser: Browser,
  url: string,
  cookie: string | undefined,
  owners: ChunkOwners,
  { withScripts = true }: { withScripts?: boolean } = {},
): Promise<LoadProfile> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    if (!withScripts) await context.route("**/_next/static/**/*.js", (route) => route.abort());
    if (cookie) {
      const [name, ...value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value.join("="), url: new URL(url).origin }]);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await browser.startTracing(page, { categories: CATEGORIES });
    const response = await page.goto(url, { waitUntil: "load" });
    if (response?.url() !== url) throw new Error(`${url} ended at ${response?.url()}`);
    await page.waitForTimeout(3_000);
    // A page that leaves on its own (a session the browser thinks has ended) would be profiled with the next.
    if (page.url() !== url) throw new Error(`${url} went on to ${page.url()}`);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
    return attribute(trace.traceEvents, url, owners);
  } finally {
    await context.close();
  }
}
