/**
 * What the tRPC route answers over HTTP (issue 15 §4.4, §4.10, §4.13a): integers outside their
 * column are refused as BAD_REQUEST on every versioned procedure; an unexpected failure (a real
 * database error) answers a plain message with no SQL, no stack and no cause, and the log names the
 * error without anyone's text; every answer has `Cache-Control: private, no-store`; a batch of more
 * than MAX_BATCH_CALLS calls is refused before any of it runs. The route handler runs with the
 * test's session and database.
 */
import { eq, sql } from "drizzle-orm";
import { wireFormat } from "@/lib/wire-format";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { AppSession } from "@/server/auth";
import { users } from "@/db/schema";
import { catalogues } from "@/server/i18n/catalogue";
import { fileErrorResponse } from "@/server/files/case-download";
import { INT4_MAX } from "@/lib/fields";
import { MAX_BATCH_CALLS } from "@/lib/vocabulary/requests";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { createAuthSession } from "@/server/auth/sessions";
import { createPeople, freshFixture, INPUTS, type Fixture, type People } from "../support/procedure-inputs";
import { captureLog } from "../support/captured-log";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
let people: People;
let fixture: Fixture;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
  people = await createPeople(database.db);
  fixture = await freshFixture(database.db, people);
  const owner = people.owner;
  // A real session row: a change the person makes restarts its idle limit (server/auth/sessions.ts).
  const sessionId = await createAuthSession(database.db, owner.id);
  routeEnv.session = { user: { id: owner.id, name: owner.name, email: owner.email }, sessionId };
});
afterAll(() => database?.cleanup());
afterEach(() => vi.restoreAllMocks());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function mutation(path: string, input: unknown): Promise<Answer> {
  const request = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(wireFormat.serialize(input)),
  });
  return POST(request).then(answer);
}

function batchQuery(path: string, inputs: unknown[]): Promise<Answer> {
  const wire = Object.fromEntries(inputs.map((input, i) => [i, wireFormat.serialize(input)]));
  const url = `http://localhost/api/trpc/${inputs.map(() => path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(wire))}`;
  return GET(new Request(url)).then(answer);
}

type ErrorBody = { error: { message: string; code: number; data: Record<string, unknown> } };

/** A fixture of placeholder ids: only to see which inputs have a `version`. */
const PLACEHOLDERS = new Proxy({} as Fixture, { get: () => "00000000-0000-4000-8000-000000000000" });
const VERSIONED = Object.keys(INPUTS).filter((path) => "version" in INPUTS[path]!(PLACEHOLDERS));

describe("integers are bounded to their column", () => {
  it("covers the twenty-two versioned procedures (fourteen edits, eight removals)", () => {
    expect(VERSIONED).toHaveLength(22);
  });

  it.each(VERSIONED)("%s refuses version 2147483648 as BAD_REQUEST, not a database error", async (path) => {
    for (const version of [INT4_MAX + 1, Number.MAX_SAFE_INTEGER]) {
      const { status, text } = await mutation(path, { ...INPUTS[path]!(fixture), version });
      expect(status, path).toBe(400);
      const body = JSON.parse(text) as ErrorBody;
      expect(body.error.data.code).toBe("BAD_REQUEST");
      expect(body.error.data.fieldErrors).toHaveProperty("version");
      expect(text).not.toMatch(/select |insert into|update "|params:|\$1/i);
    }
  });
});

describe("errors speak the caller's language (issue 16)", () => {
  it("a person who reads Spanish gets the form-level and field messages in Spanish; the key stays the same", async () => {
    const path = VERSIONED[0]!;
    const bad = () => mutation(path, { ...INPUTS[path]!(fixture), version: INT4_MAX + 1 });
    const english = JSON.parse((await bad()).text) as ErrorBody;
    expect(english.error.message).toBe(catalogues.en.errors.fieldsNeedAttention);
    expect(english.error.data.fieldErrors).toEqual({ version: [catalogues.en.validation.badVersion] });
    await database.db.update(users).set({ locale: "es" }).where(eq(users.id, people.owner.id));
    try {
      const spanish = JSON.parse((await bad()).text) as ErrorBody;
      expect(spanish.error.message).toBe(catalogues.es.errors.fieldsNeedAttention);
      expect(spanish.error.data.fieldErrors).toEqual({ version: [catalogues.es.validation.badVersion] });
      expect(spanish.error.data.messageKey).toBe(english.error.data.messageKey);
    } finally {
      await database.db.update(users).set({ locale: "en" }).where(eq(users.id, people.owner.id));
    }
  });
});

describe("an unexpected failure says nothing of itself", () => {
  it("a real database error answers a plain 500: no SQL, no parameters, no stack; the log has no member text", async () => {
    // A constraint that fails at run time, as a database error would from any cause.
    await database.db.execute(sql.raw(`alter table notes add constraint probe_refuses_xarelto check (body not like '%Xarelto%')`));
    const logged = captureLog();
    try {
      const secret = "Started Xarelto 20 mg after the scan";
      const { status, headers, text } = await mutation("note.create", { caseId: fixture.caseId, body: secret, private: false });
      logged.stop();
      expect(status).toBe(500);
      const body = JSON.parse(text) as ErrorBody;
      // The answer names its request (header and body), and the message gives it as a reference to quote.
      const requestId = headers.get("x-request-id")!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.error.data.requestId).toBe(requestId);
      expect(body.error.message).toBe(catalogues.en.errors.unexpectedWithReference.replace("{reference}", requestId));
      expect(body.error.data.code).toBe("INTERNAL_SERVER_ERROR");
      for (const key of Object.keys(body.error.data))
        expect(["code", "httpStatus", "path", "requestId", "messageKey", "fieldErrors", "current", "proofRequired", "twoStepRequired"]).toContain(key);
      expect(body.error.data).not.toHaveProperty("stack");
      expect(body.error).not.toHaveProperty("cause");
      expect(text).not.toContain("Xarelto");
      expect(text).not.toMatch(/insert|notes|probe_refuses|\bat\s+\S+\s+\(|\.ts:\d+/i);
      expect(headers.get("cache-control")).toBe("private, no-store");

      const log = logged.text;
      expect(logged.entries()).toContainEqual(expect.objectContaining({ level: "error", requestId, scope: "trpc", path: "note.create" }));
      expect(log).toContain("note.create");
      expect(log).toContain("23514"); // check_violation: what failed is still in the log
      expect(log).toContain(people.owner.id);
      expect(log).not.toContain("Xarelto");
      expect(log).not.toMatch(/insert into/i);
    } finally {
      logged.stop();
      await database.db.execute(sql.raw(`alter table notes drop constraint probe_refuses_xarelto`));
    }
  });

  it("the case routes answer an unexpected error plainly and log no text either", async () => {
    const logged = captureLog();
    const failure = Object.assign(new Error(`Failed query: insert into notes values ($1) params: Xarelto 20 mg`), { code: "23514" });
    const response = await fileErrorResponse(new Request("http://localhost/api/cases"), failure);
    logged.stop();
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: catalogues.en.errors.unexpected });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(logged.text).toContain("23514");
    expect(logged.text).not.toContain("Xarelto");
  });
});

describe("no cache keeps an answer", () => {
  it("a query, a mutation, a refusal and a cross-site refusal all carry Cache-Control: private, no-store", async () => {
    const read = await batchQuery("case.get", [{ caseId: fixture.caseId }]);
    expect(read.status).toBe(200);
    expect(read.text).toContain(fixture.title);
    expect(read.headers.get("cache-control")).toBe("private, no-store");

    const write = await mutation("note.create", { caseId: fixture.caseId, body: "Call the clinic", private: false });
    expect(write.status).toBe(200);
    expect(write.headers.get("cache-control")).toBe("private, no-store");

    const refused = await mutation("note.create", { caseId: fixture.caseId, body: 42, private: false });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");

    const crossSite = await POST(
      new Request("http://localhost/api/trpc/note.create", { method: "POST", headers: { origin: "https://evil.example", host: "localhost" }, body: "{}" }),
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("batch size", () => {
  it(`answers a batch of ${MAX_BATCH_CALLS} calls and refuses one of ${MAX_BATCH_CALLS + 1} with 400 before any call runs`, async () => {
    const full = await batchQuery("case.get", Array.from({ length: MAX_BATCH_CALLS }, () => ({ caseId: fixture.caseId })));
    expect(full.status).toBe(200);
    expect((JSON.parse(full.text) as unknown[]).length).toBe(MAX_BATCH_CALLS);

    const tooMany = await batchQuery("case.get", Array.from({ length: MAX_BATCH_CALLS + 1 }, () => ({ caseId: fixture.caseId })));
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain("BAD_REQUEST");
    expect(tooMany.text).not.toContain(fixture.title);
  });

  it("200 mutations in one request are refused and none is saved", async () => {
    const before = await database.db.execute(sql`select count(*)::int as n from notes where case_id = ${fixture.caseId}`);
    const inputs = Array.from({ length: 200 }, (_, i) => wireFormat.serialize({ caseId: fixture.caseId, body: `Batch note ${i}`, private: false }));
    const response = await POST(
      new Request(`http://localhost/api/trpc/${inputs.map(() => "note.create").join(",")}?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))),
      }),
    );
    expect(response.status).toBe(400);
    const after = await database.db.execute(sql`select count(*)::int as n from notes where case_id = ${fixture.caseId}`);
    expect(rowsOf(after)).toEqual(rowsOf(before));
  });
});

/** `execute` answers rows directly (postgres.js) or under `rows` (PGlite). */
function rowsOf(result: unknown): unknown {
  return Array.isArray(result) ? result : (result as { rows: unknown }).rows;
}
