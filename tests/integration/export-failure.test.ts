/**
 * The whole-case export never ends as a short file that looks whole (issue 18 §4): when a stored
 * file cannot be read midway through the download, the response stream errors — the browser shows a
 * failed download — no complete JSON arrives, and the owner finds "the export stopped before it was
 * done" in the case's activity. The log names the request and says what failed, not what was in it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { activity, fileBlobs, recordFiles } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import type { AppSession } from "@/server/auth";
import { createAuthSession } from "@/server/auth/sessions";
import { createCase, createUser } from "@/server/database/factories";
import { uploadRecordFile } from "@/server/files/record-files";
import { heavyDownloads } from "@/server/http/work-queue";
import { GET as exportJsonRoute } from "@/app/api/cases/[caseId]/export/json/route";
import { callerFor } from "../support/callers";
import { captureLog } from "../support/captured-log";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
});
afterAll(() => database?.cleanup());

const LETTERS = {
  "first-letter.txt": Buffer.from("Referral letter one: please see the patient soon.\n".repeat(40), "utf8"),
  "second-letter.txt": Buffer.from("Referral letter two: results of the scan attached.\n".repeat(40), "utf8"),
};

async function caseWithTwoFiles() {
  const db = database.db;
  const ownerUser = await createUser(db, { name: "Olive Owner" });
  const caseId = (await createCase(db, ownerUser.id, { title: "Knee" })).id;
  const owner = await callerFor(db, ownerUser);
  const record = await owner.record.create({ caseId, title: "Letters", kind: "clinic_notes", source: "", notes: "", private: false });
  for (const [fileName, bytes] of Object.entries(LETTERS)) {
    await uploadRecordFile({
      db,
      userId: ownerUser.id,
      caseId,
      recordId: record.id,
      fileName,
      body: (async function* () {
        yield new Uint8Array(bytes);
      })(),
    });
  }
  routeEnv.session = { user: { id: ownerUser.id, name: ownerUser.name, email: ownerUser.email }, sessionId: await createAuthSession(db, ownerUser.id) };
  return { caseId, ownerId: ownerUser.id };
}

describe("an export whose file cannot be read midway", () => {
  it("errors the download, delivers no complete JSON, and tells the owner in the activity", async () => {
    const { caseId, ownerId } = await caseWithTwoFiles();
    const log = captureLog();
    const response = await exportJsonRoute(new Request(`http://localhost/api/cases/${caseId}/export/json`), { params: Promise.resolve({ caseId }) });
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id")!;

    // Read until one letter's bytes have arrived; then the other letter's bytes go missing.
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const base64 = Object.fromEntries(Object.entries(LETTERS).map(([name, bytes]) => [name, bytes.toString("base64").slice(0, 60)]));
    let sent: string | undefined;
    while (!sent) {
      const { done, value } = await reader.read();
      expect(done).toBe(false);
      received += decoder.decode(value, { stream: true });
      sent = Object.keys(LETTERS).find((name) => received.includes(base64[name]!));
    }
    const missing = Object.keys(LETTERS).find((name) => name !== sent)!;
    const [file] = await database.db.select({ key: recordFiles.storageKey }).from(recordFiles).where(and(eq(recordFiles.caseId, caseId), eq(recordFiles.name, missing)));
    await database.db.delete(fileBlobs).where(eq(fileBlobs.key, file!.key));

    // The rest of the download fails instead of ending.
    const rest = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        received += decoder.decode(value, { stream: true });
      }
    })();
    await expect(rest).rejects.toThrow();
    expect(() => JSON.parse(received) as unknown).toThrow();
    expect(received).toContain(base64[sent]);
    expect(received).not.toContain(base64[missing]);
    expect(heavyDownloads.running).toBe(0); // its slot was given back

    // The owner is told in the case's activity (after the export's own "exported" entry); the log has the request's id.
    await vi.waitFor(async () => {
      const entries = await database.db
        .select({ summary: activity.summary, actorId: activity.actorId })
        .from(activity)
        .where(and(eq(activity.caseId, caseId), eq(activity.action, "case.exported")));
      expect(entries).toContainEqual({ summary: messageRef("activity.summaries.exportFailed"), actorId: ownerId });
    });
    log.stop();
    expect(log.entries()).toContainEqual(expect.objectContaining({ level: "error", scope: "export.json", caseId, requestId }));
    expect(log.text).not.toContain("Referral letter");
  });

  it("a complete export still parses, with every file", async () => {
    const { caseId } = await caseWithTwoFiles();
    const response = await exportJsonRoute(new Request(`http://localhost/api/cases/${caseId}/export/json`), { params: Promise.resolve({ caseId }) });
    const text = await response.text();
    const json = JSON.parse(text) as { records: { files: { name: string; contentBase64: string }[] }[] };
    const files = json.records.flatMap((r) => r.files);
    expect(Object.fromEntries(files.map((f) => [f.name, Buffer.from(f.contentBase64, "base64").equals(LETTERS[f.name as keyof typeof LETTERS])]))).toEqual({
      "first-letter.txt": true,
      "second-letter.txt": true,
    });
  });
});
