/**
 * Workspace load benchmark (docs/PERFORMANCE.md). On a fresh PostgreSQL database of its own it seeds a
 * large case (200 questions, 500 notes, 60 records with files, 3 opinions with a full grid, 4 members),
 * starts the production server, and measures:
 *   - the overview and the grid page at 1 and 20 concurrent users (p50/p95/p99, requests per second,
 *     server CPU per request), next to the floor: the sign-in page, which reads no data;
 *   - the same data read with hand-written SQL over postgres.js (the app/SQL ratio);
 *   - database round trips per page load (counted from DB_LOG_QUERIES output);
 *   - the same, again, after adding 10 000 other cases and 1 000 000 notes (large/empty ratio);
 *   - first-load JavaScript per route in Chromium (compressed bytes of script responses).
 * Run: `npm run bench:workspace` (builds first when there is no build). DATABASE_URL picks the server
 * (default postgres://postgres@127.0.0.1:5432/postgres); the bench database is dropped afterwards.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import postgres from "postgres";
import { chromium } from "@playwright/test";
import { BENCH_AUTH_SECRET, createBenchDatabase, GROW_TO_10000_CASES, seedLargeCase } from "./large-case";
import { percentile, serverCpuMs, startServer as startNext, stopServer } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;

type Stats = { p50: number; p95: number; p99: number; rps: number; errors: number; requests: number };

/** `concurrency` workers run `task` back to back for the duration; every latency is kept. */
async function load(task: () => Promise<boolean>, concurrency: number, durationMs = DURATION_MS): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        if (!(await task())) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
    errors,
    requests: latencies.length,
  };
}

/** The statements of GROW_TO_10000_CASES (./large-case.ts), run one after another. */
async function growDatabase(sql: postgres.Sql) {
  for (const statement of GROW_TO_10000_CASES) await sql.unsafe(statement);
}

function startServer(dbUrl: string, logQueries: boolean) {
  return startNext({ port: PORT, env: { DATABASE_URL: dbUrl, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: BASE, DB_LOG_QUERIES: logQueries ? "1" : "0" } });
}

const get = (path: string, cookie: string) => async () => {
  const response = await fetch(`${BASE}${path}`, { headers: { cookie } });
  await response.arrayBuffer();
  return response.status === 200;
};

/** The data the overview and the grid show, read with hand-written SQL (no HTTP, no rendering). */
function sqlReads(sql: postgres.Sql, caseId: string, userId: string) {
  return {
    overview: async () => {
      await Promise.all([
        sql`select c.*, m.role from cases c join case_members m on m.case_id = c.id and m.user_id = ${userId} where c.id = ${caseId}`,
        sql`select m.id, m.role, u.name from case_members m join users u on u.id = m.user_id where m.case_id = ${caseId}`,
        sql`select a.*, u.name from activity a left join users u on u.id = a.actor_id where a.case_id = ${caseId} order by a.created_at desc limit 20`,
        sql`select (select count(*) from questions where case_id = ${caseId}) q, (select count(*) from questions where case_id = ${caseId} and pinned) p,
                   (select count(*) from records where case_id = ${caseId} and not private) r, (select count(*) from notes where case_id = ${caseId} and not private) n,
                   (select count(*) from opinions where case_id = ${caseId}) o, (select count(*) from comparison_cells where case_id = ${caseId}) c`,
      ]);
      return true;
    },
    grid: async () => {
      await Promise.all([
        sql`select c.*, m.role from cases c join case_members m on m.case_id = c.id and m.user_id = ${userId} where c.id = ${caseId}`,
        sql`select m.id, m.role, u.name from case_members m join users u on u.id = m.user_id where m.case_id = ${caseId}`,
        sql`select * from opinions where case_id = ${caseId} order by created_at`,
        sql`select c.*, u.name from comparison_cells c left join users u on u.id = c.updated_by where c.case_id = ${caseId}`,
        sql`select * from comparison_rows where case_id = ${caseId}`,
      ]);
      return true;
    },
  };
}

async function roundTrips(dbUrl: string, cookie: string, paths: string[]): Promise<Record<string, number>> {
  const server = await startServer(dbUrl, true);
  const { lines } = server;
  const counts: Record<string, number> = {};
  try {
    for (const path of paths) {
      await get(path, cookie)(); // warm: first-time statement preparation is not counted
      // The logger's statement lines (server/database/connection.ts): {"level":"info",…,"db":"select …"}.
      const isStatement = (l: string) => l.includes('"db":"');
      const before = lines.filter(isStatement).length;
      await get(path, cookie)();
      await new Promise((resolve) => setTimeout(resolve, 100));
      counts[path] = lines.filter(isStatement).length - before;
    }
  } finally {
    await stopServer(server);
  }
  return counts;
}

/** Signed-out routes are opened without the session cookie (signed in, they redirect to /cases). */
async function firstLoadJs(dbUrl: string, cookie: string, paths: string[], signedOutPaths: string[]): Promise<Record<string, number>> {
  const server = await startServer(dbUrl, false);
  const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined });
  const sizes: Record<string, number> = {};
  try {
    for (const path of [...signedOutPaths, ...paths]) {
      const context = await browser.newContext();
      if (paths.includes(path)) await context.addCookies([{ name: "authjs.session-token", value: cookie.split("=")[1]!, url: BASE }]);
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on("requestfinished", (request) => {
        if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
      });
      await page.goto(`${BASE}${path}`, { waitUntil: "networkidle" });
      sizes[path] = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      await context.close();
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }
  return sizes;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build yet: running npm run build …");
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("build failed");
  }
  const { url: dbUrl, drop } = await createBenchDatabase();
  const sql = postgres(dbUrl, { max: 20, onnotice: () => {} });
  const results: string[][] = [];
  try {
    console.log("Seeding the large case …");
    const { caseId, ownerId, cookie } = await seedLargeCase(dbUrl);
    const pages = { overview: `/cases/${caseId}`, grid: `/cases/${caseId}/compare` };
    const reads = sqlReads(sql, caseId, ownerId);

    const measure = async (label: string) => {
      const server = await startServer(dbUrl, false);
      const figures: Record<string, Stats> = {};
      const row = (page: string, users: number, app: Stats, cpuMs: number, direct?: Stats) =>
        results.push([
          label,
          page,
          String(users),
          ms(app.p50),
          ms(app.p95),
          ms(app.p99),
          app.rps.toFixed(0),
          String(app.errors),
          ms(cpuMs / app.requests),
          direct ? ms(direct.p95) : "–",
          direct ? (app.p95 / direct.p95).toFixed(1) + "×" : "–",
        ]);
      try {
        // The floor: a page with no data and no session costs this much of Next and React alone.
        await load(get("/sign-in", ""), 4, 2_000);
        for (const users of [1, 20]) {
          const cpuBefore = serverCpuMs(server);
          const floor = await load(get("/sign-in", ""), users);
          row("sign-in (no data)", users, floor, serverCpuMs(server) - cpuBefore);
        }
        for (const [page, path] of Object.entries(pages)) {
          await load(get(path, cookie), 4, 2_000); // warm-up
          for (const users of [1, 20]) {
            const cpuBefore = serverCpuMs(server);
            const app = await load(get(path, cookie), users);
            const cpuMs = serverCpuMs(server) - cpuBefore;
            const direct = await load(reads[page as keyof typeof reads], users);
            figures[`${page}@${users}`] = app;
            row(page, users, app, cpuMs, direct);
          }
        }
      } finally {
        await stopServer(server);
      }
      return figures;
    };

    const empty = await measure("1 case");
    const tripsEmpty = await roundTrips(dbUrl, cookie, Object.values(pages));
    console.log("Growing the database: 10 000 other cases, 1 000 000 notes …");
    await growDatabase(sql);
    const large = await measure("10 001 cases");
    const tripsLarge = await roundTrips(dbUrl, cookie, Object.values(pages));
    const js = await firstLoadJs(
      dbUrl,
      cookie,
      ["/cases", pages.overview, `/cases/${caseId}/questions`, `/cases/${caseId}/notes`, pages.grid, `/cases/${caseId}/decide`],
      ["/sign-in", "/sign-up"],
    );

    console.log("\nWorkspace load (latency per request; SQL = the same data read directly)\n");
    console.table(
      results.map(([db, page, users, p50, p95, p99, rps, errors, cpu, sqlP95, ratio]) => ({
        db,
        page,
        users,
        p50,
        p95,
        p99,
        "req/s": rps,
        errors,
        "server CPU/req": cpu,
        "SQL p95": sqlP95,
        "app/SQL p95": ratio,
      })),
    );
    console.log("\nDatabase round trips per page load");
    console.table(Object.keys(tripsEmpty).map((path) => ({ path, "1 case": tripsEmpty[path], "10 001 cases": tripsLarge[path] })));
    console.log("\nLarge database vs one case (p95)");
    console.table(
      Object.keys(empty).map((key) => ({ "page@users": key, "1 case": ms(empty[key]!.p95), "10 001 cases": ms(large[key]!.p95), ratio: (large[key]!.p95 / empty[key]!.p95).toFixed(2) + "×" })),
    );
    console.log("\nFirst-load JavaScript (compressed bytes of script responses, first visit)");
    console.table(Object.entries(js).map(([path, bytes]) => ({ path: path.replace(caseId, "<case>"), kB: (bytes / 1024).toFixed(1) })));
  } finally {
    await sql.end();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
