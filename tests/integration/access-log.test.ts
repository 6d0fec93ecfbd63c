/**
 * "Who saw and did what" (issue 15 §3): section visits coalesced per member, section and 10-minute
 * window; downloads and exports in the log only once access was granted; the owner's list with its
 * filters and keyset paging; owner only; the export carries the visits. Route handlers are called
 * with the session and database they use.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { activity, sectionVisits } from "@/db/schema";
import { addMember, createUser } from "@/server/database/factories";
import type { AppSession } from "@/server/auth";
import { createAuthSession } from "@/server/auth/sessions";
import { uploadRecordFile } from "@/server/files/record-files";
import { recordSectionVisit } from "@/server/section-visits";
import { ACCESS_LOG_PAGE_SIZE, type AccessLogEntry } from "@/lib/access-log";
import { ZCaseExport } from "@/lib/case-export";
import { GET as downloadRoute } from "@/app/api/cases/[caseId]/files/[fileId]/route";
import { GET as exportJsonRoute } from "@/app/api/cases/[caseId]/export/json/route";
import { GET as comparisonPdfRoute } from "@/app/api/cases/[caseId]/export/comparison-pdf/route";
import { GET as packetRoute } from "@/app/api/cases/[caseId]/opinions/[opinionId]/packet/route";
import { callerFor } from "../support/callers";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { OPINION_FIELDS } from "../support/sample-fields";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
});
afterAll(() => database?.cleanup());

type Person = { id: string; name: string; email: string };
/** Signs in with a real session row, freshly proved (the whole-case export asks for a recent proof). */
const signIn = async (user: Person | null) => {
  routeEnv.session = user ? { user: { id: user.id, name: user.name, email: user.email }, sessionId: await createAuthSession(database.db, user.id) } : null;
};
const base = "http://app.example";
const download = (caseId: string, fileId: string) =>
  downloadRoute(new Request(`${base}/api/cases/${caseId}/files/${fileId}`), { params: Promise.resolve({ caseId, fileId }) });
const exportJson = (caseId: string) => exportJsonRoute(new Request(`${base}/api/cases/${caseId}/export/json`), { params: Promise.resolve({ caseId }) });
const exportPdf = (caseId: string) =>
  comparisonPdfRoute(new Request(`${base}/api/cases/${caseId}/export/comparison-pdf`), { params: Promise.resolve({ caseId }) });

async function fixture() {
  const db = database.db;
  const f = await caseWithMembers(db);
  const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
  const record = await f.owner.record.create({ caseId: f.caseId, title: "Scan report", kind: "imaging_report", source: "", notes: "", private: false });
  const file = await uploadRecordFile({
    db,
    userId: owner.id,
    caseId: f.caseId,
    recordId: record.id,
    fileName: "scan-report.txt",
    body: (async function* () {
      yield new TextEncoder().encode("Report text");
    })(),
  });
  return { ...f, db, people: { owner, supporter, viewer }, fileId: file.id };
}

/** Every entry of the log the owner sees, page by page. */
async function wholeLog(f: Awaited<ReturnType<typeof fixture>>, filters: Record<string, string> = {}) {
  const all: AccessLogEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await f.owner.accessLog.list({ caseId: f.caseId, ...filters, cursor });
    all.push(...result.entries);
    if (!result.nextCursor) return all;
    cursor = result.nextCursor;
  }
  throw new Error("the log did not end");
}

const visitsOf = async (caseId: string) =>
  database.db.select().from(sectionVisits).where(eq(sectionVisits.caseId, caseId)).orderBy(sectionVisits.firstAt);

describe("section visits", () => {
  it("a member opening a section again and again within 10 minutes is one entry; the next window starts another", async () => {
    const f = await fixture();
    const supporterId = f.people.supporter.id;
    for (let i = 0; i < 5; i++) await recordSectionVisit(f.db, { caseId: f.caseId, userId: supporterId, section: "questions" });
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: supporterId, section: "notes" });
    let rows = await visitsOf(f.caseId);
    expect(rows.map((r) => [r.section, r.visits])).toEqual([
      ["questions", 5],
      ["notes", 1],
    ]);

    // Ten minutes later (the window moved back instead of the clock forward): a new entry.
    await f.db.execute(sql`update ${sectionVisits} set window_start = window_start - interval '10 minutes' where ${sectionVisits.caseId} = ${f.caseId}`);
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: supporterId, section: "questions" });
    rows = await visitsOf(f.caseId);
    expect(rows.filter((r) => r.section === "questions").map((r) => r.visits)).toEqual([5, 1]);

    const log = await wholeLog(f, { kind: "view" });
    expect(log.map((e) => [e.actorName, e.label, e.section, e.count])).toEqual([
      ["Sid Supporter", "opened", "questions", 1],
      ["Sid Supporter", "opened", "notes", 1],
      ["Sid Supporter", "opened", "questions", 5],
    ]);
  });

  it("visits at the same moment coalesce in the database, not in the process", async () => {
    const f = await fixture();
    await Promise.all(
      Array.from({ length: 8 }, () => recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.viewer.id, section: "records" })),
    );
    const rows = await visitsOf(f.caseId);
    expect(rows.map((r) => [r.section, r.visits])).toEqual([["records", 8]]);
  });

  it("records nothing for someone who is not (or no longer) a member", async () => {
    const f = await fixture();
    const outsider = await createUser(f.db);
    const lapsed = await createUser(f.db);
    await addMember(f.db, f.caseId, lapsed.id, "supporter", { accessEndsAt: new Date(Date.now() - 60_000) });
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: outsider.id, section: "questions" });
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: lapsed.id, section: "questions" });
    expect(await visitsOf(f.caseId)).toEqual([]);
  });
});

describe("reads of files and exports", () => {
  it("a download is an entry naming the file as the case shows it; a refused download records nothing", async () => {
    const f = await fixture();
    const before = await f.db.select({ n: count() }).from(activity).where(eq(activity.caseId, f.caseId));

    const outsider = await createUser(f.db);
    await signIn(outsider);
    expect((await download(f.caseId, f.fileId)).status).toBe(404);
    await signIn(null);
    expect((await download(f.caseId, f.fileId)).status).toBe(401);
    const after = await f.db.select({ n: count() }).from(activity).where(eq(activity.caseId, f.caseId));
    expect(after[0]!.n).toBe(before[0]!.n);

    await signIn(f.people.supporter);
    expect((await download(f.caseId, f.fileId)).status).toBe(200);
    const downloads = await wholeLog(f, { kind: "download" });
    expect(downloads).toEqual([
      expect.objectContaining({
        kind: "download",
        actorId: f.people.supporter.id,
        action: "file.downloaded",
        section: "records",
        entityType: "file",
        entityId: f.fileId,
        fileName: "scan-report.txt",
      }),
    ]);
  });

  it("a visit packet download is an entry in Opinions; a refused one records nothing", async () => {
    const f = await fixture();
    const opinion = await f.owner.opinion.create({
      caseId: f.caseId,
      ...OPINION_FIELDS,
    });
    const packet = (opinionId: string) =>
      packetRoute(new Request(`${base}/api/cases/${f.caseId}/opinions/${opinionId}/packet`), { params: Promise.resolve({ caseId: f.caseId, opinionId }) });
    await signIn(await createUser(f.db));
    expect((await packet(opinion.id)).status).toBe(404);
    expect(await wholeLog(f, { kind: "download" })).toEqual([]);

    await signIn(f.people.viewer);
    expect((await packet(opinion.id)).status).toBe(200);
    const downloads = await wholeLog(f, { kind: "download" });
    expect(downloads.map((e) => [e.action, e.actorId, e.section, e.entityId])).toEqual([["packet.downloaded", f.people.viewer.id, "opinions", opinion.id]]);
  });

  it("each export is an entry; a supporter's refused export records nothing", async () => {
    const f = await fixture();
    await signIn(f.people.supporter);
    expect((await exportJson(f.caseId)).status).toBe(403);
    expect((await exportPdf(f.caseId)).status).toBe(403);
    expect(await wholeLog(f, { kind: "export" })).toEqual([]);

    await signIn(f.people.owner);
    const response = await exportJson(f.caseId);
    expect(response.status).toBe(200);
    await response.text();
    expect((await exportPdf(f.caseId)).status).toBe(200);
    const exports = await wholeLog(f, { kind: "export" });
    expect(exports.map((e) => [e.kind, e.action, e.actorId])).toEqual([
      ["export", "case.exported", f.people.owner.id],
      ["export", "case.exported", f.people.owner.id],
    ]);
  });

  it("the export carries the section visits", async () => {
    const f = await fixture();
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.supporter.id, section: "health" });
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.supporter.id, section: "health" });
    await signIn(f.people.owner);
    const data = ZCaseExport.parse(JSON.parse(await (await exportJson(f.caseId)).text()));
    expect(data.sectionVisits).toEqual([
      expect.objectContaining({ userId: f.people.supporter.id, section: "health", visits: 2 }),
    ]);
    // The file is read before its own export is logged: that entry is in the next one.
    expect(data.activity.filter((a) => a.action === "case.exported")).toEqual([]);
  });
});

describe("the owner's list", () => {
  it("is the owner's alone: supporters and viewers are refused as by the role table, outsiders find nothing", async () => {
    const f = await fixture();
    await expect(f.supporter.accessLog.list({ caseId: f.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(f.viewer.accessLog.list({ caseId: f.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await callerFor(f.db, await createUser(f.db));
    await expect(outsider.accessLog.list({ caseId: f.caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("holds changes, visits and downloads together, and filters by person, section and kind", async () => {
    const f = await fixture();
    await f.supporter.question.create({ caseId: f.caseId, text: "How long is recovery?", opinionId: null });
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.supporter.id, section: "questions" });
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.viewer.id, section: "records" });
    await signIn(f.people.viewer);
    expect((await download(f.caseId, f.fileId)).status).toBe(200);

    const everything = await wholeLog(f);
    expect(new Set(everything.map((e) => e.kind))).toEqual(new Set(["change", "view", "download"]));
    // Never the text itself: the change says what kind of thing, not what it said.
    expect(JSON.stringify(everything)).not.toContain("recovery");

    const bySupporter = await wholeLog(f, { person: f.people.supporter.id });
    expect(bySupporter.map((e) => [e.kind, e.label, e.section])).toEqual([
      ["view", "opened", "questions"],
      ["change", "added a question", "questions"],
    ]);
    const inRecords = await wholeLog(f, { section: "records" });
    expect(inRecords.every((e) => e.section === "records")).toBe(true);
    expect(inRecords.map((e) => e.kind)).toEqual(expect.arrayContaining(["download", "view", "change"]));
    // A member who has left is still in the log, and still a choice of the person filter.
    await f.viewer.member.leave({ caseId: f.caseId });
    const { people } = await f.owner.accessLog.list({ caseId: f.caseId });
    expect(people.map((p) => p.name)).toEqual(["Olga Owner", "Sid Supporter", "Vi Viewer"]);
    const viewerDownloads = await wholeLog(f, { person: f.people.viewer.id, kind: "download" });
    expect(viewerDownloads.map((e) => e.entityId)).toEqual([f.fileId]);
    const changesInQuestions = await wholeLog(f, { section: "questions", kind: "change" });
    expect(changesInQuestions.map((e) => e.action)).toEqual(["question.created"]);
  });

  it("leaves out what the owner may not see: another member's private note", async () => {
    const f = await fixture();
    await f.supporter.note.create({ caseId: f.caseId, body: "Just for me", opinionId: null, private: true });
    const notes = await wholeLog(f, { section: "notes" });
    expect(notes).toEqual([]);
  });

  it("pages on (time, id) without gaps or repeats, newest first", async () => {
    const f = await fixture();
    const sections = ["questions", "records", "notes", "health", "opinions", "compare", "decide", "talking"] as const;
    for (const section of sections) {
      await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.supporter.id, section });
      await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.viewer.id, section });
    }
    for (let i = 0; i < 20; i++) await f.supporter.question.create({ caseId: f.caseId, text: `Question ${i}`, opinionId: null });
    const [activityCount] = await f.db.select({ n: count() }).from(activity).where(eq(activity.caseId, f.caseId));
    const total = activityCount!.n + 16;
    expect(total).toBeGreaterThan(ACCESS_LOG_PAGE_SIZE);

    const first = await f.owner.accessLog.list({ caseId: f.caseId });
    expect(first.entries).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    expect(first.nextCursor).toBe(first.entries.at(-1)!.id);
    const all = await wholeLog(f);
    expect(all).toHaveLength(total);
    expect(new Set(all.map((e) => e.id)).size).toBe(total);
    for (let i = 1; i < all.length; i++) expect(all[i]!.at.getTime()).toBeLessThanOrEqual(all[i - 1]!.at.getTime());
    // A cursor from another case bounds nothing: an empty page.
    const other = await fixture();
    const elsewhere = await other.owner.accessLog.list({ caseId: other.caseId, cursor: first.nextCursor! });
    expect(elsewhere).toMatchObject({ entries: [], nextCursor: null });
    expect(await f.db.select({ n: count() }).from(sectionVisits).where(and(eq(sectionVisits.caseId, other.caseId)))).toEqual([{ n: 0 }]);
  });

  it("keeps no text of its own: a removed file is 'since removed'; the entries go with the case", async () => {
    const f = await fixture();
    await signIn(f.people.supporter);
    expect((await download(f.caseId, f.fileId)).status).toBe(200);
    await recordSectionVisit(f.db, { caseId: f.caseId, userId: f.people.supporter.id, section: "records" });
    await f.owner.file.delete({ caseId: f.caseId, fileId: f.fileId });
    const [entry] = await wholeLog(f, { kind: "download" });
    expect(entry).toMatchObject({ entityId: f.fileId, fileName: null });

    const title = (await f.owner.case.get({ caseId: f.caseId })).title;
    await f.owner.case.delete({ caseId: f.caseId, confirmTitle: title });
    expect(await visitsOf(f.caseId)).toEqual([]);
    expect(await f.db.select({ n: count() }).from(activity).where(eq(activity.caseId, f.caseId))).toEqual([{ n: 0 }]);
  });
});
