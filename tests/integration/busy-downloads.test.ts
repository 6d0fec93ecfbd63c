/**
 * Exports and PDFs go through this instance's small queue (issue 15 §4.13b): when it is full, the
 * routes answer 503 with Retry-After and a plain message, and make nothing; once slots are free the
 * same download works, and its slot is given back when the download ends.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { AppSession } from "@/server/auth";
import { createAuthSession } from "@/server/auth/sessions";
import { createCase, createUser } from "@/server/database/factories";
import { BUSY_RETRY_AFTER_SECONDS, heavyDownloads } from "@/server/http/work-queue";
import { catalogues } from "@/server/i18n/catalogue";
import { GET as comparisonPdfRoute } from "@/app/api/cases/[caseId]/export/comparison-pdf/route";
import { GET as exportJsonRoute } from "@/app/api/cases/[caseId]/export/json/route";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
let caseId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
  const owner = await createUser(database.db, { name: "Olive Owner" });
  caseId = (await createCase(database.db, owner.id, { title: "Knee surgery" })).id;
  routeEnv.session = { user: { id: owner.id, name: owner.name, email: owner.email }, sessionId: await createAuthSession(database.db, owner.id) };
});
afterAll(() => database?.cleanup());

const get = (route: typeof exportJsonRoute) =>
  route(new Request(`http://localhost/api/cases/${caseId}/export`), { params: Promise.resolve({ caseId }) });

describe("a full download queue", () => {
  it("answers 503 with Retry-After and a plain message, then serves the download once there is room", async () => {
    // Two slow downloads running and four waiting: the queue is full.
    const held = [await heavyDownloads.acquire(), await heavyDownloads.acquire()];
    const waiting = Array.from({ length: 4 }, () => heavyDownloads.acquire());
    expect([heavyDownloads.running, heavyDownloads.waiting]).toEqual([2, 4]);
    try {
      for (const route of [exportJsonRoute, comparisonPdfRoute]) {
        const busy = await get(route);
        expect(busy.status).toBe(503);
        expect(busy.headers.get("retry-after")).toBe(String(BUSY_RETRY_AFTER_SECONDS));
        expect(busy.headers.get("cache-control")).toBe("private, no-store");
        expect(await busy.json()).toEqual({ error: catalogues.en.errors.busy, requestId: expect.any(String) });
      }
    } finally {
      for (const release of held) release();
      // Each waiting one gets a slot as one is given back, and gives it back in turn.
      await Promise.all(waiting.map((slot) => slot.then((release) => release())));
    }
    expect([heavyDownloads.running, heavyDownloads.waiting]).toEqual([0, 0]);

    const json = await get(exportJsonRoute);
    expect(json.status).toBe(200);
    expect(heavyDownloads.running).toBe(1); // held while the export streams
    expect(((await json.json()) as { case: { title: string } }).case.title).toBe("Knee surgery");
    expect(heavyDownloads.running).toBe(0);

    const pdf = await get(comparisonPdfRoute);
    expect(pdf.status).toBe(200);
    expect(heavyDownloads.running).toBe(0);
  });

  it("a refused request takes no slot", async () => {
    routeEnv.session = null;
    expect((await get(exportJsonRoute)).status).toBe(401);
    expect(heavyDownloads.running).toBe(0);
  });
});
