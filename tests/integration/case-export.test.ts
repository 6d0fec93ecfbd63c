/**
 * The case export: the JSON file holds every entity of a seeded case and validates against its
 * documented schema; other members' private notes stay out; only the owner can export (route
 * handlers called with the session and database they use). Also the comparison + decision PDF.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { messageRef } from "@/lib/i18n/message-ref";
import type { Db } from "@/db/client";
import { createUser } from "@/server/database/factories";
import { activity, authSessions } from "@/db/schema";
import { GET as comparisonPdfRoute } from "@/app/api/cases/[caseId]/export/comparison-pdf/route";
import { GET as exportJsonRoute } from "@/app/api/cases/[caseId]/export/json/route";
import type { AppSession } from "@/server/auth";
import { createAuthSession } from "@/server/auth/sessions";
import { uploadRecordFile } from "@/server/files/record-files";
import { CASE_EXPORT_FORMAT, ZCaseExport } from "@/lib/case-export";
import { FULL_CASE_FILE_BYTES, seedFullCase } from "../support/full-case";
import { pdfText } from "../support/pdf-text";
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

const FILE_BYTES = FULL_CASE_FILE_BYTES;
const seeded = () => seedFullCase(database.db);

/** Signs the route's caller in with a real session row (its proof is fresh, as after signing in). */
const as = async (user: { id: string; name: string; email: string } | null) => {
  routeEnv.session = user ? { user, sessionId: await createAuthSession(database.db, user.id) } : null;
};
const get = (route: typeof exportJsonRoute, caseId: string, query = "") =>
  route(new Request(`http://localhost/api/cases/${caseId}/export${query}`), { params: Promise.resolve({ caseId }) });

describe("case export", () => {
  it("holds every entity, validates against the documented schema, and leaves out other members' private notes", async () => {
    const f = await seeded();
    await as(f.me);
    const response = await get(exportJsonRoute, f.caseId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.json"/);
    const json: unknown = JSON.parse(await response.text());
    const data = ZCaseExport.parse(json);
    expect(data).toMatchObject({ format: CASE_EXPORT_FORMAT, version: 1, exportedBy: { userId: f.me.id } });
    expect(data.selfCheck).toMatchObject({ situations: ["serious_diagnosis"], cautions: [] });
    expect(data.checklistTicks).toMatchObject([{ item: "follow_up_original", tickedBy: f.supporterMe.id }]);
    expect(data.members.map((m) => m.role).sort()).toEqual(["owner", "supporter", "viewer"]);
    expect(data.invitations.map((i) => i.email)).toEqual(["pending@example.test"]);
    expect(data.questions.map((q) => q.text)).toEqual(["Why surgery now?"]);
    expect(data.records).toHaveLength(1);
    const [file] = data.records[0]!.files;
    expect(Buffer.from(file!.contentBase64, "base64").equals(FILE_BYTES)).toBe(true);
    expect(file).toMatchObject({ name: "referral.txt", size: FILE_BYTES.length, mediaType: "text/plain" });
    expect(data.medications[0]).toMatchObject({ name: "Metformin", dose: "500 mg", frequency: "twice a day" });
    expect(data.allergies[0]).toMatchObject({ substance: "Penicillin", reaction: "Hives" });
    expect(data.procedures[0]).toMatchObject({ what: "Appendectomy" });
    expect(data.notes.map((n) => n.body).sort()).toEqual(["Owner's own private note", "Shared note from the owner"]);
    expect(JSON.stringify(json)).not.toContain("secret worry");
    expect(data.opinions.map((o) => o.label)).toEqual(["First opinion", "Second opinion"]);
    expect(data.opinions[1]!.calls.map((c) => c.reference)).toEqual(["REF-123"]);
    expect(data.comparison.cells).toHaveLength(2);
    expect(data.comparison.rows).toMatchObject([{ aspect: "main_plan", mark: "differ" }]);
    expect(data.reflections).toMatchObject([{ userId: f.me.id, riskComfort: 4 }]);
    expect(data.decisions.map((d) => d.path)).toEqual(["still_deciding", "wait_and_monitor"]);
    expect(data.decisions[0]!.comments.map((c) => c.body)).toEqual(["Take your time"]);
    expect(data.activity.length).toBeGreaterThan(10);
    // The supporter's private note is not even named in the log.
    expect(data.activity.some((a) => a.actorId === f.supporterMe.id && a.action === "note.created" && a.visibility === "author")).toBe(false);
    // Nothing internal leaks: no token hashes, password hashes or storage keys.
    expect(JSON.stringify(json)).not.toMatch(/tokenHash|passwordHash|storageKey|password_hash/);
    const logged = await database.db
      .select({ summary: activity.summary })
      .from(activity)
      .where(and(eq(activity.caseId, f.caseId), eq(activity.action, "case.exported")));
    expect(logged.map((l) => l.summary)).toEqual([messageRef("activity.summaries.exportedJson")]);
  });

  it("streams large files whole: base64 written in slices joins back into the exact bytes", async () => {
    const f = await seeded();
    const big = Buffer.from("Blood test line, 13.2 g/dL\n".repeat(60_000), "utf8"); // ~1.6 MB: three slices, not a multiple of 3
    await uploadRecordFile({
      db: database.db,
      userId: f.me.id,
      caseId: f.caseId,
      recordId: f.recordId,
      fileName: "bloods.txt",
      body: (async function* () {
        yield new Uint8Array(big);
      })(),
    });
    await as(f.me);
    const data = ZCaseExport.parse(JSON.parse(await (await get(exportJsonRoute, f.caseId)).text()));
    const files = data.records[0]!.files;
    expect(files.map((file) => file.name)).toEqual(["referral.txt", "bloods.txt"]);
    expect(Buffer.from(files[0]!.contentBase64, "base64").equals(FILE_BYTES)).toBe(true);
    expect(Buffer.from(files[1]!.contentBase64, "base64").equals(big)).toBe(true);
  });

  it("the comparison and decision PDF has the grid, the current decision and its history", async () => {
    const f = await seeded();
    await as(f.me);
    const response = await get(comparisonPdfRoute, f.caseId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    for (const expected of ["Knee replacement", "Physiotherapy first", "They differ", "Wait and monitor", "Review in March", "Earlier versions", "Take your time", "Dr Núñez"]) {
      expect(text).toContain(expected);
    }
  });

  it("the comparison PDF is in the language chosen when downloading (the owner's own by default)", async () => {
    const f = await seeded();
    await as(f.me);
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const spanish = await get(comparisonPdfRoute, f.caseId, "?lang=es");
    expect(spanish.headers.get("content-disposition")).toContain(encodeURIComponent("Comparación y decisión - "));
    const es = flat(await pdfText(new Uint8Array(await spanish.arrayBuffer())));
    for (const expected of ["Comparación y decisión:", "Las opiniones lado a lado", "No coinciden", "La decisión", "Versiones anteriores de la decisión", "Página 1 de", "Physiotherapy first", "Dr Núñez"]) {
      expect(es).toContain(expected);
    }
    expect(es).not.toContain("They differ");
    const english = flat(await pdfText(new Uint8Array(await (await get(comparisonPdfRoute, f.caseId, "?lang=en")).arrayBuffer())));
    for (const expected of ["Comparison and decision:", "The opinions side by side", "They differ", "Earlier versions of the decision", "Page 1 of"]) {
      expect(english).toContain(expected);
    }
    expect(english).not.toContain("No coinciden");
  });

  it("the whole-case export asks for a fresh 'confirm it's you' when the last proof is over ten minutes old", async () => {
    const f = await seeded();
    await as(f.me);
    await database.db
      .update(authSessions)
      .set({ provedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(authSessions.id, routeEnv.session!.sessionId));
    const refused = await get(exportJsonRoute, f.caseId);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ proofRequired: true, error: expect.stringMatching(/confirm it's you/) });
    // The visit's comparison PDF is not the whole case: no second ask.
    expect((await get(comparisonPdfRoute, f.caseId)).status).toBe(200);
    await database.db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.id, routeEnv.session!.sessionId));
    expect((await get(exportJsonRoute, f.caseId)).status).toBe(200);
  });

  it("only the owner exports: supporter and viewer 403, outsider 404, anonymous 401; nothing is logged", async () => {
    const f = await seeded();
    const outsider = await createUser(database.db, { name: "Otto Outsider" });
    const viewerMe = await f.viewer.account.me();
    for (const route of [exportJsonRoute, comparisonPdfRoute]) {
      await as(f.supporterMe);
      expect((await get(route, f.caseId)).status).toBe(403);
      await as(viewerMe);
      expect((await get(route, f.caseId)).status).toBe(403);
      await as(outsider);
      expect((await get(route, f.caseId)).status).toBe(404);
      await as(null);
      expect((await get(route, f.caseId)).status).toBe(401);
    }
    const logged = await database.db
      .select({ id: activity.id })
      .from(activity)
      .where(and(eq(activity.caseId, f.caseId), eq(activity.action, "case.exported")));
    expect(logged).toHaveLength(0);
  });
});
