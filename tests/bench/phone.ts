/**
 * Phone benchmark (docs/PERFORMANCE.md "Phone"). Builds a bare Next app in a temporary folder — one
 * dynamic page and one small client form, the project's own next/react/react-dom — as the **floor**,
 * seeds the benchmark's large case on a fresh PostgreSQL database, starts both production servers and,
 * for the floor, sign-in (signed out), /cases and every page of the case (signed in as the owner):
 *   - runs Lighthouse 12.2.3 in its default mobile mode (slow 4G, 4× slower CPU) on Chromium,
 *     BENCH_RUNS times (default 3), and keeps the median of each figure;
 *   - measures the server's CPU time per request over 30 sequential GETs after 5 warm-ups;
 * and prints one table with each figure's ratio or difference to the floor and the issue-14 goals.
 * Last, three members watch the questions page in Chromium while the owner makes 20 changes over HTTP:
 * the server CPU per live event per watching member.
 * Run: `npm run bench:phone` (builds the app first when there is no build, or with BENCH_BUILD=1).
 * BENCH_ROUTES=overview,questions limits the routes (the floor is always measured).
 * BENCH_PROFILE=1 also profiles both servers' main threads (`node --cpu-prof`) and prints, for each
 * route's server-CPU requests, whose code the time went to (tests/bench/cpu-profile.ts): the profiler
 * slows the servers, so that run's own CPU column is for comparing rows, not for the record.
 * BENCH_BROWSER_PROFILE=1 also loads each route BENCH_RUNS times in Chromium at phone size with a 4×
 * slower CPU, traced, and prints whose code ran in the long tasks, and the same for the page with its
 * scripts blocked (tests/bench/browser-profile.ts); both apps are then built with source maps
 * (BENCH_SOURCE_MAPS=1), so the app is rebuilt if it has none.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { wireFormat } from "@/lib/wire-format";
import { chromium, type Page } from "@playwright/test";
import { BENCH_AUTH_SECRET, createBenchDatabase, seedLargeCase, type BenchMember } from "./large-case";
import { percentile, serverCpuMs, startServer, stopServer, type Server } from "./server";
import { monotonicMicros, readProfile, SHARE_LABELS, SHARES, sharesWithin, topAppFunctions, type Window } from "./cpu-profile";
import { ChunkOwners, OWNER_LABELS, OWNERS, profileLoad, type LoadProfile } from "./browser-profile";

const APP_PORT = Number(process.env.BENCH_PORT ?? 3191);
const FLOOR_PORT = APP_PORT + 1;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_ROUTES?.split(",").map((name) => name.trim());
/** BENCH_DETAIL=1 prints what each route transferred, largest first; BENCH_LIVE=0 skips the live-event cost. */
const DETAIL = process.env.BENCH_DETAIL === "1";
const LIVE = process.env.BENCH_LIVE !== "0";
const PROFILE = process.env.BENCH_PROFILE === "1";
const BROWSER_PROFILE = process.env.BENCH_BROWSER_PROFILE === "1";
const CPU_WARMUPS = 5;
const CPU_REQUESTS = 30;
const LIVE_CHANGES = 20;
const LIVE_SPACING_MS = 500;
/** After the last change: time for the last refreshes to finish inside the measured window. */
const LIVE_TAIL_MS = 2_000;
const CHROME_PATH = process.env.CHROME_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
/** STACK.md: without the networking flags Chromium keeps trying to reach the outside. */
const LIGHTHOUSE_CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const PLAYWRIGHT_CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
/** Issue 14: the server-CPU goal is for these pages; the others are reported. */
const CPU_GOAL_ROUTES = new Set(["overview", "questions", "compare"]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

// ── Tidying up, also on failure or Ctrl-C ────────────────────────────────────────────────────────
const cleanups: (() => unknown)[] = [];
async function tidyUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error("while tidying up:", error);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void tidyUp().finally(() => process.exit(130)));
}

// ── The floor: a bare Next app ───────────────────────────────────────────────────────────────────
function commonAncestor(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(path.sep) || path.sep;
}

const FLOOR_FILES: Record<string, string> = {
  // `npm init -y` would write "commonjs", which Turbopack refuses (STACK.md).
  "package.json": JSON.stringify({ name: "floor", private: true, type: "module" }),
  "app/layout.jsx": `export const metadata = { title: "Floor" };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  // Reads a cookie, so it is rendered on each request like the app's pages.
  "app/page.jsx": `import { cookies } from "next/headers";
import { NoteForm } from "./note-form";
export default async function Page() {
  const visits = (await cookies()).get("visits")?.value ?? "none";
  return (<main><h1>A bare Next page</h1><p>Visits: {visits}</p><NoteForm /></main>);
}
`,
  "app/note-form.jsx": `"use client";
import { useState } from "react";
export function NoteForm() {
  const [text, setText] = useState("");
  const [saved, setSaved] = useState([]);
  return (
    <form onSubmit={(event) => { event.preventDefault(); setSaved([...saved, text]); setText(""); }}>
      <label>Note <input value={text} onChange={(event) => setText(event.target.value)} /></label>
      <button type="submit">Save</button>
      <ul>{saved.map((note, i) => <li key={i}>{note}</li>)}</ul>
    </form>
  );
}
`,
};

/** Writes and builds the floor app; it uses the project's node_modules through a symlink. */
function buildFloorApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "secondlook-floor-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const modules = realpathSync("node_modules");
  symlinkSync(modules, path.join(dir, "node_modules"), "dir");
  mkdirSync(path.join(dir, "app"));
  for (const [file, text] of Object.entries(FLOOR_FILES)) writeFileSync(path.join(dir, file), text);
  // Turbopack compiles only files under its root, and the symlink leads out of the folder.
  const config = { turbopack: { root: commonAncestor(realpathSync(dir), modules) }, productionBrowserSourceMaps: BROWSER_PROFILE };
  writeFileSync(path.join(dir, "next.config.mjs"), `export default ${JSON.stringify(config)};\n`);
  const build = spawnSync(path.join(dir, "node_modules/.bin/next"), ["build"], { cwd: dir, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the floor app did not build:\n${build.stdout}\n${build.stderr}`);
  return dir;
}

// ── Lighthouse ───────────────────────────────────────────────────────────────────────────────────
class LighthouseRuntimeError extends Error {}

type Sample = {
  score: number;
  tbt: number;
  cls: number;
  kib: number;
  /** For BENCH_DETAIL: the page's element count, what was transferred, and where the main thread's time went. */
  domElements: number;
  transfers: { url: string; kib: number }[];
  mainThread: { group: string; ms: number }[];
  scripts: { url: string; ms: number }[];
};

async function lighthouseRun(url: string, cookie: string | undefined): Promise<Sample> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: LIGHTHOUSE_CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: cookie ? { cookie } : null,
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRuntimeError(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // A lost session redirects to sign-in: that would measure the wrong page.
    if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const items = <T,>(id: string) => (lhr.audits[id]?.details as { items?: T[] } | undefined)?.items ?? [];
    const requests = items<{ url: string; transferSize?: number }>("network-requests");
    return {
      score: (lhr.categories.performance?.score ?? NaN) * 100,
      tbt: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
      kib: numeric("total-byte-weight") / 1024,
      domElements: numeric("dom-size"),
      transfers: requests.map((request) => ({ url: new URL(request.url).pathname, kib: (request.transferSize ?? 0) / 1024 })),
      mainThread: items<{ groupLabel: string; duration: number }>("mainthread-work-breakdown").map((item) => ({ group: item.groupLabel, ms: item.duration })),
      scripts: items<{ url: string; total: number }>("bootup-time").map((item) => ({ url: item.url.startsWith("http") ? new URL(item.url).pathname : item.url, ms: item.total })),
    };
  } finally {
    chrome.kill();
  }
}

/** Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART …): try that run again. */
async function lighthouseRunWithRetries(url: string, cookie: string | undefined, attempts = 3): Promise<Sample> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseRun(url, cookie);
    } catch (error) {
      if (attempt >= attempts || !(error instanceof LighthouseRuntimeError)) throw error;
      console.warn(`${error.message}: trying again`);
    }
  }
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

// ── Server CPU per request ───────────────────────────────────────────────────────────────────────
async function cpuPerRequest(server: Server, route: string, cookie: string | undefined): Promise<{ ms: number; window: Window }> {
  const get = async () => {
    const response = await fetch(`${server.base}${route}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${route}: ${response.status}`);
  };
  for (let i = 0; i < CPU_WARMUPS; i++) await get();
  const before = serverCpuMs(server);
  const from = monotonicMicros();
  for (let i = 0; i < CPU_REQUESTS; i++) await get();
  return { ms: (serverCpuMs(server) - before) / CPU_REQUESTS, window: { from, to: monotonicMicros() } };
}

/** BENCH_PROFILE: each route's server-CPU requests, main thread only, by whose code ran (ms per request). */
function profileTable(rows: { route: Route; window: Window }[], profileDirs: Record<Route["on"], string>): string {
  const profiles = { floor: readProfile(profileDirs.floor), app: readProfile(profileDirs.app) };
  const lines = [
    `| route | main thread ms/req | ${SHARES.map((share) => SHARE_LABELS[share]).join(" | ")} | all but the app's, × the floor's whole |`,
    `|---|---:|${SHARES.map(() => "---:|").join("")}---:|`,
  ];
  let floorTotal = NaN;
  const details: string[] = [];
  for (const { route, window } of rows) {
    const shares = sharesWithin(profiles[route.on], window);
    const perRequest = (ms: number) => ms / CPU_REQUESTS;
    const total = perRequest(SHARES.reduce((sum, share) => sum + shares[share], 0));
    if (route.name === "floor") floorTotal = total;
    const notApp = total - perRequest(shares.app);
    lines.push(
      `| ${route.name} | ${total.toFixed(1)} | ${SHARES.map((share) => perRequest(shares[share]).toFixed(1)).join(" | ")} | ` +
        `${notApp.toFixed(1)} (${(notApp / floorTotal).toFixed(1)}×) |`,
    );
    if (DETAIL) {
      for (const { name, ms } of topAppFunctions(profiles[route.on], window, 12)) details.push(`    ${route.name}: ${perRequest(ms).toFixed(2).padStart(6)} ms/req  ${name}`);
    }
  }
  return [...lines, ...(details.length > 0 ? ["", "The app's costliest functions (self time):", ...details] : [])].join("\n");
}

/** BENCH_BROWSER_PROFILE: each route's long tasks on a phone, by whose code ran (ms, median of the runs). */
async function browserProfileTable(rows: { route: Route }[], servers: Record<Route["on"], Server>, cookie: string, distDirs: Record<Route["on"], string>): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: PLAYWRIGHT_CHROME_ARGS });
  const closeBrowser = () => browser.close();
  cleanups.push(closeBrowser);
  const owners = { floor: new ChunkOwners(distDirs.floor), app: new ChunkOwners(distDirs.app) };
  const lines = [
    `| route | long tasks ms | beyond 50 ms | ${OWNERS.map((owner) => OWNER_LABELS[owner]).join(" | ")} | style & layout | without its scripts: long tasks ms | style & layout |`,
    `|---|---:|---:|${OWNERS.map(() => "---:|").join("")}---:|---:|---:|`,
  ];
  for (const { route } of rows) {
    const loads: LoadProfile[] = [];
    const bare: LoadProfile[] = [];
    const load = (withScripts: boolean) =>
      profileLoad(browser, `${servers[route.on].base}${route.path}`, route.signedIn ? cookie : undefined, owners[route.on], { withScripts });
    for (let run = 0; run < RUNS; run++) {
      loads.push(await load(true));
      bare.push(await load(false));
    }
    const m = (f: (load: LoadProfile) => number, of = loads) => median(of.map(f)).toFixed(0);
    console.log(`${route.name}: long tasks ${loads.map((load) => load.longTaskMs.toFixed(0)).join("/")} ms`);
    if (DETAIL) {
      // By file, then the costliest places (file:line:column) in them.
      const places = Object.entries(loads.at(-1)!.sources);
      const byFile: Record<string, number> = {};
      const fileOf = (place: string) => place.replace(/:\d+:\d+( → .*)?$/, "");
      for (const [place, ms] of places) byFile[fileOf(place)] = (byFile[fileOf(place)] ?? 0) + ms;
      const top = (entries: [string, number][], n: number) => entries.sort(([, a], [, b]) => b - a).slice(0, n);
      const last = [...top(Object.entries(byFile), 12), ...top(places.filter(([place]) => fileOf(place) !== place), 8)];
      for (const [source, ms] of last.slice(0, 20)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${source}`);
      const steps = Object.entries(loads.at(-1)!.steps).sort(([, a], [, b]) => b - a);
      console.log(`    long tasks by step: ${steps.slice(0, 10).map(([step, ms]) => `${step} ${ms.toFixed(0)}`).join(", ")}`);
    }
    lines.push(`| ${route.name} | ${m((l) => l.longTaskMs)} | ${m((l) => l.blockingMs)} | ${OWNERS.map((owner) => m((l) => l.owners[owner])).join(" | ")} | ${m((l) => l.styleLayoutMs)} | ${m((l) => l.longTaskMs, bare)} | ${m((l) => l.styleLayoutMs, bare)} |`);
  }
  await closeBrowser();
  cleanups.splice(cleanups.indexOf(closeBrowser), 1);
  return lines.join("\n");
}

const hasSourceMaps = (distDir: string) => existsSync(path.join(distDir, "static/chunks")) && readdirSync(path.join(distDir, "static/chunks")).some((file) => file.endsWith(".js.map"));

// ── Live-event cost ──────────────────────────────────────────────────────────────────────────────
type LiveCost = {
  members: number;
  changes: number;
  windowMs: number;
  idleMs: number;
  watchedMs: number;
  unwatchedIdleMs: number;
  unwatchedMs: number;
  requestsPerEventPerMember: number;
  /** Requests by kind in the watched window minus the idle one, per event per member. */
  kinds: Record<string, number>;
};

/** The owner adds a question over HTTP, as the browser's tRPC client would (same-origin POST). */
async function addQuestion(app: Server, cookie: string, caseId: string, text: string) {
  const response = await fetch(`${app.base}/api/trpc/question.create`, {
    method: "POST",
    headers: { cookie, origin: app.base, "content-type": "application/json" },
    body: JSON.stringify(wireFormat.serialize({ caseId, text })),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`question.create: ${response.status}`);
}

/** CPU of the server over one window: `act` runs at its start, the window lasts `windowMs` in all. */
async function cpuOverWindow(app: Server, windowMs: number, act: () => Promise<void> = async () => {}): Promise<number> {
  const started = Date.now();
  const before = serverCpuMs(app);
  await act();
  await sleep(started + windowMs - Date.now());
  return serverCpuMs(app) - before;
}

async function liveEventCost(app: Server, caseId: string, ownerCookie: string, watchers: BenchMember[]): Promise<LiveCost> {
  const windowMs = LIVE_CHANGES * LIVE_SPACING_MS + LIVE_TAIL_MS;
  let round = 0;
  const changes = (label: string) => async () => {
    round++;
    const started = Date.now();
    for (let i = 1; i <= LIVE_CHANGES; i++) {
      await addQuestion(app, ownerCookie, caseId, `Live change ${round}.${i} (${label})`);
      await sleep(started + i * LIVE_SPACING_MS - Date.now());
    }
  };
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: PLAYWRIGHT_CHROME_ARGS });
  const closeBrowser = () => browser.close();
  cleanups.push(closeBrowser);
  const pages: Page[] = [];
  // What the watching browsers fetch, per window (the live stream itself never finishes).
  type Tally = { requests: number; kinds: Record<string, number> };
  const fresh = (): Tally => ({ requests: 0, kinds: {} });
  let tally = fresh();
  for (const member of watchers) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name: "authjs.session-token", value: member.cookie.split("=")[1]!, url: app.base }]);
    const page = await context.newPage();
    page.on("requestfinished", (request) => {
      tally.requests++;
      const url = new URL(request.url());
      const kind = url.searchParams.has("_rsc") ? "page refresh (RSC)" : url.pathname.startsWith("/api/trpc/") ? url.pathname.slice(10) : url.pathname;
      tally.kinds[kind] = (tally.kinds[kind] ?? 0) + 1;
    });
    await page.goto(`${app.base}/cases/${caseId}/questions`);
    await page.getByText("Live", { exact: true }).waitFor({ timeout: 60_000 });
    pages.push(page);
  }
  await sleep(3_000); // first heartbeats and presence reads settle
  // Idle: the pages stay open (heartbeats, presence) and nothing changes.
  const idleTally = (tally = fresh());
  const idleMs = await cpuOverWindow(app, windowMs);
  // New questions join the "Not asked yet" group, folded on a long list: its count shows each arrival.
  const notAsked = (page: Page) => page.getByText(/^Not asked yet \(\d+\)$/).first();
  const countsBefore = await Promise.all(pages.map(async (page) => Number(/\((\d+)\)/.exec((await notAsked(page).textContent()) ?? "")?.[1])));
  const watchedTally = (tally = fresh());
  const watchedMs = await cpuOverWindow(app, windowMs, changes("watched"));
  tally = fresh();
  for (const [i, page] of pages.entries()) {
    const last = page.getByText(`Not asked yet (${countsBefore[i]! + LIVE_CHANGES})`, { exact: true });
    await last.waitFor({ state: "attached", timeout: 20_000 }).catch(() => console.warn("A watching member's page did not show the last change within 20 s."));
  }
  await closeBrowser();
  cleanups.splice(cleanups.indexOf(closeBrowser), 1);
  await sleep(2_000);
  // The same changes with nobody watching: what the writes cost by themselves.
  const unwatchedIdleMs = await cpuOverWindow(app, windowMs);
  const unwatchedMs = await cpuOverWindow(app, windowMs, changes("unwatched"));
  const perEventPerMember = LIVE_CHANGES * watchers.length;
  return {
    members: watchers.length,
    changes: LIVE_CHANGES,
    windowMs,
    idleMs,
    watchedMs,
    unwatchedIdleMs,
    unwatchedMs,
    kinds: Object.fromEntries(
      [...new Set([...Object.keys(watchedTally.kinds), ...Object.keys(idleTally.kinds)])].map((kind) => [
        kind,
        ((watchedTally.kinds[kind] ?? 0) - (idleTally.kinds[kind] ?? 0)) / perEventPerMember,
      ]),
    ),
    requestsPerEventPerMember: (watchedTally.requests - idleTally.requests) / perEventPerMember,
  };
}

// ── The table ────────────────────────────────────────────────────────────────────────────────────
type Route = { name: string; path: string; on: "floor" | "app"; signedIn: boolean };
type Figures = Pick<Sample, "score" | "tbt" | "cls" | "kib"> & { cpu: number };

const mark = (ok: boolean) => (ok ? "✓" : "✗");
const signed = (n: number, digits = 0) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(digits)}`;

function table(rows: { route: Route; figures: Figures }[], floor: Figures): string {
  const lines = [
    "| route | performance score | TBT ms | CLS | transfer KiB | server CPU ms/req |",
    "|---|---:|---:|---:|---:|---:|",
  ];
  for (const { route, figures: f } of rows) {
    if (route.name === "floor") {
      lines.push(`| floor (bare Next 16 page) | ${f.score.toFixed(0)} | ${f.tbt.toFixed(0)} | ${f.cls.toFixed(3)} | ${f.kib.toFixed(0)} | ${f.cpu.toFixed(1)} |`);
      continue;
    }
    const cpuRatio = f.cpu / floor.cpu;
    const cpuCell = `${f.cpu.toFixed(1)} (${cpuRatio.toFixed(1)}×)${CPU_GOAL_ROUTES.has(route.name) ? " " + mark(cpuRatio <= 1.5) : ""}`;
    lines.push(
      `| ${route.name} | ${f.score.toFixed(0)} (${signed(f.score - floor.score)}) ${mark(f.score >= floor.score - 5)} ` +
        `| ${f.tbt.toFixed(0)} (${(f.tbt / floor.tbt).toFixed(1)}×) ${mark(f.tbt <= 1.5 * floor.tbt)} ` +
        `| ${f.cls.toFixed(3)} ${mark(f.cls <= 0.02)} ` +
        `| ${f.kib.toFixed(0)} (${signed(f.kib - floor.kib)}) ${mark(f.kib <= floor.kib + 60)} ` +
        `| ${cpuCell} |`,
    );
  }
  return lines.join("\n");
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  if (!existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1" || (BROWSER_PROFILE && !hasSourceMaps(".next"))) {
    console.log(`Building the app (npm run build${BROWSER_PROFILE ? ", with source maps" : ""}) …`);
    const env = { ...process.env, ...(BROWSER_PROFILE ? { BENCH_SOURCE_MAPS: "1" } : {}) };
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit", env }).status !== 0) throw new Error("build failed");
  }
  console.log("Building the floor: a bare Next app in a temporary folder …");
  const floorDir = buildFloorApp();

  const database = await createBenchDatabase();
  cleanups.push(database.drop);
  console.log("Seeding the large case …");
  const { caseId, cookie, opinionIds, members } = await seedLargeCase(database.url);

  // Each server writes its profile when it stops; one folder each.
  const profileDirs = PROFILE
    ? { app: mkdtempSync(path.join(tmpdir(), "secondlook-profile-app-")), floor: mkdtempSync(path.join(tmpdir(), "secondlook-profile-floor-")) }
    : null;
  if (profileDirs) cleanups.push(() => Object.values(profileDirs).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const profiled = (on: Route["on"]) => (profileDirs ? [`--cpu-prof`, `--cpu-prof-dir=${profileDirs[on]}`] : []);
  const appBase = `http://127.0.0.1:${APP_PORT}`;
  const app = await startServer({
    port: APP_PORT,
    env: { DATABASE_URL: database.url, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: appBase, DB_LOG_QUERIES: "0" },
    nodeArgs: profiled("app"),
  });
  cleanups.push(() => stopServer(app));
  const floorServer = await startServer({
    port: FLOOR_PORT,
    env: {},
    nodeArgs: profiled("floor"),
    cwd: floorDir,
    nextBin: path.join(floorDir, "node_modules/.bin/next"),
    readyPath: "/",
  });
  cleanups.push(() => stopServer(floorServer));

  const casePath = `/cases/${caseId}`;
  const sections = (names: string[]): Route[] => names.map((name) => ({ name, path: `${casePath}/${name}`, on: "app", signedIn: true }));
  const allRoutes: Route[] = [
    { name: "floor", path: "/", on: "floor", signedIn: false },
    { name: "sign-in", path: "/sign-in", on: "app", signedIn: false },
    { name: "cases", path: "/cases", on: "app", signedIn: true },
    { name: "overview", path: casePath, on: "app", signedIn: true },
    ...sections(["questions", "notes", "records", "opinions"]),
    { name: "opinion", path: `${casePath}/opinions/${opinionIds[0]}`, on: "app", signedIn: true },
    ...sections(["compare", "decide", "health", "talking", "checklist", "sharing"]),
  ];
  const routes = allRoutes.filter((route) => route.name === "floor" || !ONLY || ONLY.includes(route.name));

  const rows: { route: Route; figures: Figures; window: Window }[] = [];
  for (const route of routes) {
    const server = route.on === "floor" ? floorServer : app;
    const routeCookie = route.signedIn ? cookie : undefined;
    const samples: Sample[] = [];
    for (let run = 0; run < RUNS; run++) samples.push(await lighthouseRunWithRetries(`${server.base}${route.path}`, routeCookie));
    const { ms: cpu, window } = await cpuPerRequest(server, route.path, routeCookie);
    const figures = {
      score: median(samples.map((s) => s.score)),
      tbt: median(samples.map((s) => s.tbt)),
      cls: median(samples.map((s) => s.cls)),
      kib: median(samples.map((s) => s.kib)),
      cpu,
    };
    console.log(
      `${route.name}: score ${samples.map((s) => s.score.toFixed(0)).join("/")}, TBT ${samples.map((s) => s.tbt.toFixed(0)).join("/")} ms, ` +
        `CLS ${samples.map((s) => s.cls.toFixed(3)).join("/")}, ${figures.kib.toFixed(0)} KiB, server CPU ${cpu.toFixed(1)} ms/req`,
    );
    if (DETAIL) {
      const last = samples.at(-1)!;
      for (const { url, kib } of last.transfers.sort((a, b) => b.kib - a.kib)) console.log(`    ${kib.toFixed(1).padStart(6)} KiB  ${url}`);
      console.log(`    ${last.domElements} elements; main thread: ${last.mainThread.map(({ group, ms }) => `${group} ${ms.toFixed(0)} ms`).join(", ")}`);
      for (const { url, ms } of last.scripts) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${url}`);
    }
    rows.push({ route, figures, window });
  }
  const floor = rows[0]!.figures;
  // The servers write their profiles as they stop, so this comes last.
  const printProfile = async () => {
    if (!profileDirs) return;
    await Promise.all([stopServer(app), stopServer(floorServer)]);
    console.log("\nServer main thread during each route's server-CPU requests (BENCH_PROFILE; profiled servers run slower)\n");
    console.log(profileTable(rows, profileDirs));
  };
  const printBrowserProfile = async () => {
    if (!BROWSER_PROFILE) return;
    console.log("\nWhose code ran in the long tasks of a cold load (BENCH_BROWSER_PROFILE; phone size, 4× slower CPU, traced) …");
    const byOwner = await browserProfileTable(rows, { floor: floorServer, app }, cookie, { floor: path.join(floorDir, ".next"), app: ".next" });
    console.log(`\n${byOwner}`);
  };
  if (!LIVE) {
    console.log(table(rows, floor));
    await printBrowserProfile();
    await printProfile();
    return;
  }

  console.log("Live-event cost: 3 members watch the questions page while the owner makes changes …");
  const live = await liveEventCost(app, caseId, cookie, members);

  console.log(`\nPhone (Lighthouse ${RUNS === 1 ? "1 run" : `median of ${RUNS} runs`}, mobile; the large case, signed in as the owner)\n`);
  console.log(table(rows, floor));
  console.log(
    "\nGoals (issue 14): score ≥ floor − 5; TBT ≤ 1.5 × floor; CLS ≤ 0.02; transfer ≤ floor + 60 KiB; " +
      "server CPU ≤ 1.5 × floor for overview, questions and compare (reported for the others).",
  );
  const events = live.changes * live.members;
  const perMember = (live.watchedMs - live.idleMs) / events;
  const writes = (live.unwatchedMs - live.unwatchedIdleMs) / live.changes;
  const perMemberBeyondWrite = (live.watchedMs - live.idleMs - (live.unwatchedMs - live.unwatchedIdleMs)) / events;
  console.log(`\nLive-event cost: ${live.members} members watching the questions page, ${live.changes} changes ${LIVE_SPACING_MS} ms apart (window ${live.windowMs / 1000} s)`);
  console.log(`  server CPU, watched window ${live.watchedMs.toFixed(0)} ms − idle window ${live.idleMs.toFixed(0)} ms`);
  console.log(`  = ${perMember.toFixed(1)} ms per live event per watching member (the write included)`);
  console.log(`  the write alone, nobody watching: ${writes.toFixed(1)} ms per change`);
  console.log(`  = ${perMemberBeyondWrite.toFixed(1)} ms per live event per watching member beyond the write`);
  console.log(`  each member's browser: ${live.requestsPerEventPerMember.toFixed(1)} requests per live event (beyond the idle window's heartbeats)`);
  console.log(`    of which: ${Object.entries(live.kinds).map(([kind, n]) => `${kind} ${n.toFixed(2)}`).join(", ")}`);
  await printBrowserProfile();
  await printProfile();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(tidyUp);
