/**
 * A PostgreSQL outage while people are saving: the database stops accepting connections and every
 * open one is cut (as in a restart). Requests fail fast with SERVICE_UNAVAILABLE (503 and Retry-After
 * over HTTP) within a deadline instead of hanging, nothing is half-written, the app serves again as soon as the database is back, and a
 * LISTEN connection re-establishes itself. PostgreSQL only: the embedded database cannot go away.
 */
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { activity, notes } from "@/db/schema";
import type { AppSession } from "@/server/auth";
import { REQUEST_DEADLINE_MS, RETRY_AFTER_SECONDS } from "@/server/database/outage";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// The route handler reads the session and database singletons; here they are the test's.
const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

// As in production: mail is configured, so every save also queues its notices (more waiting on the pool).
// With these the language read before the procedure, which had no deadline, once hung a request here.
process.env.AUTH_SECRET ??= "outage-test-secret-outage-test-secret-0123";
process.env.SMTP_URL ??= "smtp://127.0.0.1:25";
const onPostgres = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;
let admin: postgres.Sql;
let name: string;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  routeEnv.db = database.db;
  name = new URL((database.target as { url: string }).url).pathname.slice(1);
  admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  if (!onPostgres) return;
  await admin.unsafe(`alter database "${name}" allow_connections true`);
  await admin.end();
  await database.cleanup();
});

/** Like a restart: no new connections, and every open one is terminated. */
async function takeDatabaseDown() {
  await admin.unsafe(`alter database "${name}" allow_connections false`);
  await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
}
const bringDatabaseBack = () => admin.unsafe(`alter database "${name}" allow_connections true`);

const settle = <T,>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe.skipIf(!onPostgres)("a database outage", () => {
  it("fails fast and cleanly, writes nothing by halves, and serves again within 5 s of the database returning", async () => {
    const f = await caseWithMembers(database.db);
    routeEnv.session = { user: { id: f.supporterId, name: "Sid Supporter", email: "sid@example.test" }, sessionId: "test" };
    const events: string[] = [];
    const unlisten = await database.listen("outage_test", (payload) => events.push(payload));

    // A steady stream of saves while the database goes away.
    let writing = true;
    const attempts: Promise<{ ok: boolean; error?: unknown }>[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        attempts.push(settle(f.supporter.note.create({ caseId: f.caseId, body: `Note ${i}`, private: false })));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await takeDatabaseDown();

    // During the outage: every request answers quickly, and says so.
    const started = Date.now();
    const duringOutage = await settle(f.owner.question.list({ caseId: f.caseId }));
    expect(Date.now() - started).toBeLessThan(REQUEST_DEADLINE_MS + 1_000);
    expect(duringOutage).toMatchObject({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });

    const input = encodeURIComponent(JSON.stringify({ caseId: f.caseId }));
    // Over HTTP too, the language read before the procedure included: it waits for nothing either.
    const overHttp = Date.now();
    const response = await trpcGet(new Request(`http://app.example/api/trpc/note.list?input=${input}`));
    expect(Date.now() - overHttp).toBeLessThan(REQUEST_DEADLINE_MS + 1_000);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(JSON.stringify(await response.json())).toMatch(/again/);

    await new Promise((resolve) => setTimeout(resolve, 500));
    await bringDatabaseBack();
    const back = Date.now();
    let servedAfterMs = Infinity;
    while (servedAfterMs === Infinity && Date.now() - back < 5_000) {
      if ((await settle(f.owner.question.list({ caseId: f.caseId }))).ok) servedAfterMs = Date.now() - back;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The answer itself arrives within 5 s (not merely a request started before then).
    expect(servedAfterMs, "the app serves again within 5 s").toBeLessThanOrEqual(5_000);
    writing = false;
    await writer;
    const outcomes = await Promise.all(attempts);

    // Every failure during the outage was a clean refusal, and every note has its activity entry.
    for (const outcome of outcomes) {
      // With the stack on failure: one CI run (of many) saw an UNAUTHORIZED here that no rerun has shown since.
      if (!outcome.ok) expect(outcome.error, (outcome.error as Error).stack).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    }
    const succeeded = outcomes.filter((o) => o.ok).length;
    expect(outcomes.some((o) => !o.ok)).toBe(true);
    const [saved] = await database.db.select({ n: count() }).from(notes).where(eq(notes.caseId, f.caseId));
    const [logged] = await database.db
      .select({ n: count() })
      .from(activity)
      .where(sql`${activity.caseId} = ${f.caseId} and ${activity.action} = 'note.created'`);
    // A save answered "took too long" may still have committed once the database returned — whole.
    expect(saved!.n).toBeGreaterThanOrEqual(succeeded);
    expect(logged!.n).toBe(saved!.n);

    // The LISTEN connection came back by itself.
    await expect
      .poll(
        async () => {
          await database.db.execute(sql`select pg_notify('outage_test', 'after')`);
          return events;
        },
        { timeout: 10_000, interval: 250 },
      )
      .toContain("after");
    await unlisten();
  }, 60_000);
});
