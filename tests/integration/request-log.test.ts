/**
 * The server log of a journey (issue 18 §4): a person writes a note, a question and a record, reads
 * the case, exports it; an outsider and a bad input are refused; a database error fails a save. Every
 * line names its request, every answer's `X-Request-Id` leads to its lines, and none of what the
 * person wrote — nor their email address — is anywhere in the log. Through the real route handlers.
 */
import { sql } from "drizzle-orm";
import { wireFormat } from "@/lib/wire-format";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { AppSession } from "@/server/auth";
import { createAuthSession } from "@/server/auth/sessions";
import { createCase, createUser } from "@/server/database/factories";
import { GET as exportJsonRoute } from "@/app/api/cases/[caseId]/export/json/route";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { captureLog } from "../support/captured-log";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

const NOTE = "Quillfeather lantern: the biopsy came back and I am scared";
const QUESTION = "Should Marigold-tapestry chemo wait until after the wedding?";
const RECORD = "Periwinkle-orchard MRI of the left knee";
const WRITTEN = ["Quillfeather", "Marigold-tapestry", "Periwinkle-orchard", "biopsy", "wedding"];

let database: TestDatabase;
let owner: AppSession;
let outsider: AppSession;
let caseId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
  const ownerUser = await createUser(database.db, { name: "Olive Owner" });
  const outsiderUser = await createUser(database.db, { name: "Otto Outsider" });
  owner = { user: { id: ownerUser.id, name: ownerUser.name, email: ownerUser.email }, sessionId: await createAuthSession(database.db, ownerUser.id) };
  outsider = { user: { id: outsiderUser.id, name: outsiderUser.name, email: outsiderUser.email }, sessionId: await createAuthSession(database.db, outsiderUser.id) };
  caseId = (await createCase(database.db, ownerUser.id, { title: "Knee" })).id;
});
afterAll(() => database?.cleanup());

async function mutation(as: AppSession, path: string, input: unknown) {
  routeEnv.session = as;
  const request = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(wireFormat.serialize(input)),
  });
  const response = await POST(request);
  return { status: response.status, requestId: response.headers.get("x-request-id")!, text: await response.text() };
}

async function query(as: AppSession, path: string, input: unknown) {
  routeEnv.session = as;
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize(input)))}`;
  const response = await GET(new Request(url));
  return { status: response.status, requestId: response.headers.get("x-request-id")!, text: await response.text() };
}

describe("the log of a journey", () => {
  it("names every request and holds none of what the person wrote", async () => {
    const log = captureLog();
    const answers: Record<string, { status: number; requestId: string; text: string }> = {};
    try {
      answers.note = await mutation(owner, "note.create", { caseId, body: NOTE, private: false });
      answers.question = await mutation(owner, "question.create", { caseId, text: QUESTION });
      answers.record = await mutation(owner, "record.create", { caseId, title: RECORD, kind: "imaging_report", source: "", notes: NOTE, private: false });
      answers.read = await query(owner, "note.list", { caseId });
      // Refused: someone outside the case, and a title too long to keep.
      answers.outsider = await mutation(outsider, "note.create", { caseId, body: NOTE, private: false });
      answers.invalid = await mutation(owner, "record.create", { caseId, title: `${RECORD} `.repeat(40), kind: "imaging_report", source: "", notes: "", private: false });
      // A database error whose message would carry the note's text.
      await database.db.execute(sql.raw(`alter table notes add constraint probe_refuses_quill check (body not like '%Quillfeather%') not valid`));
      try {
        answers.failed = await mutation(owner, "note.create", { caseId, body: NOTE, private: false });
      } finally {
        await database.db.execute(sql.raw(`alter table notes drop constraint probe_refuses_quill`));
      }
      routeEnv.session = owner;
      const exported = await exportJsonRoute(new Request(`http://localhost/api/cases/${caseId}/export/json`), { params: Promise.resolve({ caseId }) });
      answers.export = { status: exported.status, requestId: exported.headers.get("x-request-id")!, text: await exported.text() };
    } finally {
      log.stop();
    }

    // What the person wrote went in and came back out…
    expect(Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status]))).toEqual({
      note: 200,
      question: 200,
      record: 200,
      read: 200,
      outsider: 404,
      invalid: 400,
      failed: 500,
      export: 200,
    });
    for (const text of [NOTE, QUESTION, RECORD]) expect(answers.export!.text).toContain(text);
    expect(answers.read!.text).toContain(NOTE);

    // …and none of it, nor an email address, is in the log.
    for (const word of WRITTEN) expect(log.text).not.toContain(word);
    for (const email of [owner.user.email, outsider.user.email]) expect(log.text).not.toContain(email);

    // Every line names its request; every answer's id leads to its lines, one id per request.
    const entries = log.entries();
    expect(entries.length).toBeGreaterThanOrEqual(Object.keys(answers).length);
    for (const entry of entries) expect(entry.requestId).toEqual(expect.any(String));
    const ids = Object.values(answers).map((a) => a.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, answer] of Object.entries(answers)) {
      expect(entries, name).toContainEqual(expect.objectContaining({ event: "request", requestId: answer.requestId, status: answer.status }));
    }
    // The refusal and the failure are logged under the ids their answers carry, which the person can quote.
    expect(entries).toContainEqual(expect.objectContaining({ event: "access.refused", requestId: answers.outsider!.requestId, procedure: "note.create" }));
    expect(entries).toContainEqual(expect.objectContaining({ level: "error", scope: "trpc", requestId: answers.failed!.requestId }));
    const failedBody = JSON.parse(answers.failed!.text) as { error: { message: string; data: { requestId: string } } };
    expect(failedBody.error.data.requestId).toBe(answers.failed!.requestId);
    expect(failedBody.error.message).toContain(answers.failed!.requestId);
  });

  it("takes the id proxy.ts gave the request", async () => {
    routeEnv.session = owner;
    const request = new Request(`http://localhost/api/trpc/note.list?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize({ caseId })))}`, {
      headers: { "x-request-id": "lb-7f3a2c9e-0001" },
    });
    expect((await GET(request)).headers.get("x-request-id")).toBe("lb-7f3a2c9e-0001");
    // One that could forge a log line or a header is replaced.
    const forged = new Request("http://localhost/api/trpc/note.list", { headers: { "x-request-id": 'x" {"level":"info","msg":"forged"}' } });
    expect((await GET(forged)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
