/**
 * The live hub's LISTEN after a dropped connection while the database refuses new ones (PostgreSQL
 * only): once connections are allowed again the hub listens again and a change reaches a stream that
 * stayed open. postgres.js 3.4.9 retried on its own here (it does with the watchdog off too); the
 * hub's watchdog (server/live/hub.ts) is the net for what postgres.js cannot notice or gives up on.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { attachLiveHub, liveHubOf } from "@/server/live/hub";
import { callerFor } from "../support/callers";
import { subscribe } from "../support/live";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const onPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(onPostgres)("the live hub on PostgreSQL", () => {
  it("listens again once the database accepts connections again, and events flow to an open stream", async () => {
    if (database.target.kind !== "postgres") throw new Error("PostgreSQL only");
    const name = new URL(database.target.url).pathname.slice(1);
    const owner = await createUser(database.db, { name: "Olga Owner" });
    const supporter = await createUser(database.db, { name: "Sid Supporter" });
    const { id: caseId } = await createCase(database.db, owner.id);
    await addMember(database.db, caseId, supporter.id, "supporter");
    // An instance of its own (pool, hub, LISTEN connection), with a fast watchdog.
    const instance = openDatabase({ kind: "postgres", url: database.target.url, maxConnections: 2 });
    const hub = attachLiveHub(instance, { watchdogMs: 200 });
    // A database cannot refuse connections to itself: that is done from the server's own database.
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const stream = await subscribe(instance.db, owner, caseId);
      const before = hub.listenCount;
      await admin.unsafe(`alter database "${name}" allow_connections false`);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and query ilike 'listen %'`;
      // Attempts to listen again are refused meanwhile ("not currently accepting connections").
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(hub.listenCount).toBe(before);
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      await hub.listenedMoreThan(before);
      const question = await (await callerFor(database.db, supporter)).question.create({ caseId, text: "After the database came back" });
      while (true) {
        const { message } = await stream.next();
        if (message.kind === "change") {
          expect(message.entityId).toBe(question.id);
          break;
        }
      }
      await stream.close();
    } finally {
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      await admin.end();
      await liveHubOf(instance.db).close();
      await instance.close();
    }
  });
});
