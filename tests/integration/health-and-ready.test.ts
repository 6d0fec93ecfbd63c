/**
 * The load balancer's two questions (issue 18 §4): GET /api/health — is the process up? (200, and it
 * touches no database) — and GET /api/ready — can this instance serve? (200 only when the database
 * answers, the newest migration is recorded, and the live LISTEN hears; else 503 with the reason).
 * Neither is cached. On PostgreSQL, a real outage (as in database-outage.test.ts) makes it not ready.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ database: null as Database | null, opened: 0, openFails: null as Error | null }));
vi.mock("@/server/database/connection", () => ({
  ensureDatabase: async () => {
    routeEnv.opened += 1;
    if (routeEnv.openFails) throw routeEnv.openFails;
    return routeEnv.database!;
  },
}));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.database = database;
});
afterAll(() => database?.cleanup());

async function ask(route: typeof ready) {
  const response = await route(new Request("http://localhost/api/ready"));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/health", () => {
  it("answers 200 without touching the database, even when it cannot be opened", async () => {
    routeEnv.opened = 0;
    routeEnv.openFails = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    try {
      const { status, headers, body } = await ask(health);
      expect([status, body]).toEqual([200, { status: "ok" }]);
      expect(headers.get("cache-control")).toBe("no-store");
      expect(headers.get("x-request-id")).toEqual(expect.any(String));
      expect(routeEnv.opened).toBe(0);
    } finally {
      routeEnv.openFails = null;
    }
  });
});

describe("GET /api/ready", () => {
  it("answers 200 when the database answers, is migrated and the LISTEN hears", async () => {
    // Asked again as a load balancer does: each check has a 2-second deadline, which a fresh embedded
    // database on a machine busy with the other test files has been seen to miss once (CI, 1 Dec 2026).
    await expect.poll(async () => (({ status, body }) => [status, body])(await ask(ready)), { timeout: 15_000 }).toEqual([200, { status: "ready" }]);
    expect((await ask(ready)).headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 'migrations-pending' when the newest migration is not recorded", async () => {
    const rows = await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning hash, created_at`);
    const [removed] = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { hash: string; created_at: string }[];
    try {
      const { status, body } = await ask(ready);
      expect([status, body]).toEqual([503, { status: "not-ready", reason: "migrations-pending", requestId: expect.any(String) }]);
    } finally {
      await database.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${removed!.hash}, ${removed!.created_at})`);
    }
    expect((await ask(ready)).status).toBe(200);
  });

  it("answers 503 'database-unreachable' when the database cannot be opened", async () => {
    routeEnv.openFails = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    try {
      const { status, headers, body } = await ask(ready);
      expect([status, body]).toEqual([503, { status: "not-ready", reason: "database-unreachable", requestId: headers.get("x-request-id") }]);
      expect(headers.get("cache-control")).toBe("no-store");
    } finally {
      routeEnv.openFails = null;
    }
  });
});

// The embedded database delivers notifications in-process: an UNLISTEN behind the hub's back is a LISTEN lost.
describe.skipIf(Boolean(process.env.DATABASE_URL))("GET /api/ready when the LISTEN no longer hears", () => {
  it("answers 503 'live-not-listening', and 200 once it hears again", async () => {
    await database.db.execute(sql`unlisten live_probe`);
    try {
      const { status, body } = await ask(ready);
      expect([status, body]).toEqual([503, { status: "not-ready", reason: "live-not-listening", requestId: expect.any(String) }]);
    } finally {
      await database.db.execute(sql`listen live_probe`);
    }
    expect((await ask(ready)).status).toBe(200);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("GET /api/ready through a PostgreSQL outage", () => {
  it("is 503 'database-unreachable' while the database refuses connections, says so fast, and is ready again after", async () => {
    expect((await ask(ready)).status).toBe(200); // the LISTEN is up
    const name = new URL((database.target as { url: string }).url).pathname.slice(1);
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      // Like a restart: no new connections, and every open one (the LISTEN's too) is cut.
      await admin.unsafe(`alter database "${name}" allow_connections false`);
      await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
      const started = Date.now();
      const { status, body } = await ask(ready);
      expect([status, body]).toEqual([503, { status: "not-ready", reason: "database-unreachable", requestId: expect.any(String) }]);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      await admin.end();
    }
    // Back: ready again once the database answers and the LISTEN (re-established by postgres.js) hears
    // this instance's own notification — as database-outage.test.ts expects of live events.
    const back = Date.now();
    await vi.waitFor(async () => expect(await ask(ready)).toMatchObject({ status: 200, body: { status: "ready" } }), { timeout: 10_000, interval: 600 });
    expect(Date.now() - back).toBeLessThan(10_000);
  });
});
