/**
 * Files on records, end to end on a real database: the domain functions (server/files), the `file`
 * router through the tRPC caller, and the two route handlers with the session and database they use.
 */
import { messageRef } from "@/lib/i18n/message-ref";
import { createHash } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { activity, fileBlobs, recordFiles, records } from "@/db/schema";
import type { AppSession } from "@/server/auth";
import { MAX_FILE_BYTES } from "@/lib/record";
import {
  cleanFileName,
  contentDisposition,
  nameForType,
  openRecordFile,
  removeFilesOfRecord,
  uploadRecordFile,
} from "@/server/files/record-files";
import { createPostgresStorage, type FileStorage } from "@/server/storage";
import { GET as downloadRoute } from "@/app/api/cases/[caseId]/files/[fileId]/route";
import { POST as uploadRoute } from "@/app/api/cases/[caseId]/records/[recordId]/files/route";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// The route handlers read the session from next-auth and the app's database singleton; here they
// get the test's session and database instead.
const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
});
afterAll(() => database?.cleanup());

// ── Files ────────────────────────────────────────────────────────────────────────────────────────

/** A real, minimal one-page PDF ("Hb 13.2 g/dL"), with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const content = "BT /F1 12 Tf 20 50 Td (Hb 13.2 g/dL) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const PDF = minimalPdf();
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/trpc/case.list")</script></body></html>');
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** An upload body that yields `bytes` in chunks, counting how many chunks were pulled. */
function chunked(bytes: Uint8Array, chunkSize = 1024) {
  const progress = { pulled: 0, closed: false };
  async function* generate() {
    try {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        progress.pulled++;
        yield bytes.subarray(offset, offset + chunkSize);
      }
    } finally {
      progress.closed = true;
    }
  }
  return { body: generate(), progress };
}

// ── Fixture ──────────────────────────────────────────────────────────────────────────────────────

async function fixture() {
  const db = database.db;
  const [owner, supporter, author, viewer, outsider] = await Promise.all(
    ["Olive Owner", "Sam Supporter", "Ada Author", "Vic Viewer", "Otto Outsider"].map((name) => createUser(db, { name })),
  );
  const created = await createCase(db, owner!.id, { title: "Knee surgery" });
  const caseId = created.id;
  const supporterMemberId = await addMember(db, caseId, supporter!.id, "supporter");
  await addMember(db, caseId, author!.id, "supporter");
  await addMember(db, caseId, viewer!.id, "viewer");
  const [shared, privateRecord] = await db
    .insert(records)
    .values([
      { caseId, title: "MRI report", kind: "imaging_report", authorId: owner!.id },
      { caseId, title: "Therapy notes", kind: "clinic_notes", authorId: author!.id, private: true },
    ])
    .returning({ id: records.id });
  const other = await createCase(db, outsider!.id, { title: "Other case" });
  const [otherRecord] = await db
    .insert(records)
    .values({ caseId: other.id, title: "Elsewhere", kind: "other", authorId: outsider!.id })
    .returning({ id: records.id });
  return {
    caseId,
    people: { owner: owner!, supporter: supporter!, author: author!, viewer: viewer!, outsider: outsider! },
    supporterMemberId,
    recordId: shared!.id,
    privateRecordId: privateRecord!.id,
    otherCaseId: other.id,
    otherRecordId: otherRecord!.id,
  };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

const upload = (f: Fixture, userId: string, bytes: Uint8Array, options: { recordId?: string; fileName?: string } = {}) =>
  uploadRecordFile({
    db: database.db,
    userId,
    caseId: f.caseId,
    recordId: options.recordId ?? f.recordId,
    fileName: options.fileName ?? "results.pdf",
    body: chunked(bytes).body,
  });

async function stored(caseId: string) {
  const [files] = await database.db.select({ n: count() }).from(recordFiles).where(eq(recordFiles.caseId, caseId));
  const [blobs] = await database.db.select({ n: count() }).from(fileBlobs).where(eq(fileBlobs.caseId, caseId));
  return { files: files!.n, blobs: blobs!.n };
}

const activityOf = (caseId: string, action: string) =>
  database.db
    .select()
    .from(activity)
    .where(and(eq(activity.caseId, caseId), eq(activity.action, action)));

// ── Tests ────────────────────────────────────────────────────────────────────────────────────────

describe("uploading and downloading a file", () => {
  it("round-trips a PDF byte for byte, with its size, SHA-256 and detected type", async () => {
    const f = await fixture();
    expect(PDF.toString("latin1")).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
    const uploaded = await uploadRecordFile({
      db: database.db,
      userId: f.people.supporter.id,
      caseId: f.caseId,
      recordId: f.recordId,
      fileName: "MRI report.pdf",
      body: new Response(new Uint8Array(PDF)).body!, // a web ReadableStream, as the route handler passes it
      declaredSize: PDF.length,
    });
    expect(uploaded).toEqual({ id: expect.any(String), name: "MRI report.pdf", mediaType: "application/pdf", size: PDF.length, sha256: sha256(PDF) });

    const opened = await openRecordFile({ db: database.db, userId: f.people.owner.id, caseId: f.caseId, fileId: uploaded.id });
    expect(opened).toMatchObject({ name: "MRI report.pdf", mediaType: "application/pdf", size: PDF.length });
    expect(Buffer.compare(opened.bytes, PDF)).toBe(0);
    expect(sha256(opened.bytes)).toBe(uploaded.sha256);

    const [row] = await database.db.select().from(recordFiles).where(eq(recordFiles.id, uploaded.id));
    expect(row).toMatchObject({ caseId: f.caseId, recordId: f.recordId, uploadedBy: f.people.supporter.id, sha256: sha256(PDF) });
    expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}$/);
    const [uploadedEntry] = await activityOf(f.caseId, "file.uploaded");
    expect(uploadedEntry).toMatchObject({
      actorId: f.people.supporter.id,
      entityType: "file",
      entityId: uploaded.id,
      summary: messageRef("records.activity.fileUploaded", { title: "MRI report" }),
      visibility: "members",
    });
  });

  it("writes a file.downloaded activity entry for each download", async () => {
    const f = await fixture();
    const { id } = await upload(f, f.people.owner.id, PDF);
    await openRecordFile({ db: database.db, userId: f.people.viewer.id, caseId: f.caseId, fileId: id });
    const entries = await activityOf(f.caseId, "file.downloaded");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: f.people.viewer.id, entityType: "file", entityId: id, visibility: "members" });
    expect(entries[0]!.summary).toBe(messageRef("records.activity.fileDownloaded", { title: "MRI report" }));
  });

  it("takes the type from the bytes, never the name: a PNG named scan.pdf is a PNG, stored as scan.png", async () => {
    const f = await fixture();
    const uploaded = await upload(f, f.people.supporter.id, PNG, { fileName: "scan.pdf" });
    expect(uploaded).toMatchObject({ name: "scan.png", mediaType: "image/png", size: PNG.length });
  });

  it("refuses an HTML page named report.pdf, and stores nothing", async () => {
    const f = await fixture();
    const refused = upload(f, f.people.supporter.id, HTML, { fileName: "report.pdf" });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refused).rejects.toMatchObject({ message: messageRef("records.errors.typeRefused") });
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
    expect(await activityOf(f.caseId, "file.uploaded")).toHaveLength(0);
  });

  it("stores a PDF/HTML polyglot as a PDF, which is only ever served as a sandboxed attachment", async () => {
    const f = await fixture();
    const polyglot = Buffer.concat([PDF, Buffer.from("<html><script>alert(document.cookie)</script></html>")]);
    const uploaded = await upload(f, f.people.supporter.id, polyglot, { fileName: "page.html" });
    expect(uploaded).toMatchObject({ name: "page.pdf", mediaType: "application/pdf" });
    const [row] = await database.db.select().from(recordFiles).where(eq(recordFiles.id, uploaded.id));
    expect(contentDisposition(row!.name)).toMatch(/^attachment;/);
  });

  it("refuses an empty file, and stores nothing", async () => {
    const f = await fixture();
    await expect(upload(f, f.people.supporter.id, new Uint8Array())).rejects.toMatchObject({ code: "BAD_REQUEST", message: messageRef("records.errors.fileEmpty") });
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
  });

  it("refuses a 26 MB file, stops reading as soon as it passes 25 MB, and stores nothing", async () => {
    const f = await fixture();
    const big = new Uint8Array(26 * 1024 * 1024);
    big.set(PDF.subarray(0, 9)); // starts like a PDF: only the size is wrong
    const chunkSize = 256 * 1024;
    const { body, progress } = chunked(big, chunkSize);
    const refused = uploadRecordFile({ db: database.db, userId: f.people.supporter.id, caseId: f.caseId, recordId: f.recordId, fileName: "big.pdf", body });
    await expect(refused).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: messageRef("records.errors.fileTooLarge", { max: 25 }) });
    // 100 chunks are exactly 25 MB; the 101st passes the limit and reading stops there.
    expect(progress.pulled).toBe(MAX_FILE_BYTES / chunkSize + 1);
    expect(progress.pulled).toBeLessThan(big.length / chunkSize);
    expect(progress.closed).toBe(true); // the source was told to stop
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
  });

  it("refuses a file announced as too large before reading any of it", async () => {
    const f = await fixture();
    const { body, progress } = chunked(PDF);
    await expect(
      uploadRecordFile({ db: database.db, userId: f.people.supporter.id, caseId: f.caseId, recordId: f.recordId, fileName: "x.pdf", body, declaredSize: MAX_FILE_BYTES + 1 }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(progress.pulled).toBe(0);
  });

  it("accepts a file of exactly 25 MB", async () => {
    const f = await fixture();
    const exact = Buffer.alloc(MAX_FILE_BYTES, 0x41); // "AAAA…": plain text
    const uploaded = await upload(f, f.people.supporter.id, exact, { fileName: "long.txt" });
    expect(uploaded).toMatchObject({ mediaType: "text/plain", size: MAX_FILE_BYTES, sha256: sha256(exact) });
    const opened = await openRecordFile({ db: database.db, userId: f.people.owner.id, caseId: f.caseId, fileId: uploaded.id });
    expect(sha256(opened.bytes)).toBe(sha256(exact));
  });

  it("leaves nothing behind when the upload is interrupted", async () => {
    const f = await fixture();
    async function* brokenConnection() {
      yield PDF.subarray(0, 100);
      throw new Error("socket hang up");
    }
    await expect(
      uploadRecordFile({ db: database.db, userId: f.people.supporter.id, caseId: f.caseId, recordId: f.recordId, fileName: "x.pdf", body: brokenConnection() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: messageRef("records.errors.interrupted") });
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
  });

  it("leaves nothing behind when the body ends quietly short of its Content-Length (a cancelled upload)", async () => {
    const f = await fixture();
    const { body } = chunked(PDF.subarray(0, 100));
    await expect(
      uploadRecordFile({ db: database.db, userId: f.people.supporter.id, caseId: f.caseId, recordId: f.recordId, fileName: "x.pdf", body, declaredSize: PDF.length }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: messageRef("records.errors.interrupted") });
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
    expect(await activityOf(f.caseId, "file.uploaded")).toHaveLength(0);
  });

  it("refuses text that turns into binary after its first bytes", async () => {
    const f = await fixture();
    const disguised = Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0x00, 0x01, 0x02])]);
    await expect(upload(f, f.people.supporter.id, disguised, { fileName: "notes.txt" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
  });

  it("stores the file name cleaned of path separators and control characters", async () => {
    const f = await fixture();
    const uploaded = await upload(f, f.people.supporter.id, PDF, { fileName: "  ../..\\C:\\evil/re\u0000sults\r\n\u202Efdp.exe  " });
    // Cleaned, and its extension follows the detected type (a PDF).
    expect(uploaded.name).toBe("....C:evilresultsfdp.pdf");
    const [row] = await database.db.select({ name: recordFiles.name }).from(recordFiles).where(eq(recordFiles.id, uploaded.id));
    expect(row!.name).toBe("....C:evilresultsfdp.pdf");

    expect(cleanFileName("/\\ \u0007 ")).toBe("file");
    expect(cleanFileName("")).toBe("file");
    const long = cleanFileName(`${"é".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith("é.pdf")).toBe(true);
    expect(Array.from(cleanFileName("🩺".repeat(250)))).toHaveLength(200); // never half a character
  });

  it("stores the name with the extension of the detected type (issue 15 §4.9): lab-results.html that is text becomes lab-results.txt", async () => {
    const f = await fixture();
    const text = Buffer.from("Hb 13.2 g/dL\nWBC 6.1\n");
    const uploaded = await upload(f, f.people.supporter.id, text, { fileName: "lab-results.html" });
    expect(uploaded).toMatchObject({ name: "lab-results.txt", mediaType: "text/plain" });
    const opened = await openRecordFile({ db: database.db, userId: f.people.owner.id, caseId: f.caseId, fileId: uploaded.id });
    expect(opened.name).toBe("lab-results.txt");
    expect(contentDisposition(opened.name)).toContain('filename="lab-results.txt"');

    expect(nameForType("photo.JPEG", "jpg")).toBe("photo.JPEG"); // another spelling of the same type stays
    expect(nameForType("notes.text", "txt")).toBe("notes.text");
    expect(nameForType("Dr. Smith letter", "pdf")).toBe("Dr. Smith letter.pdf"); // not an extension: one is added
    expect(nameForType("scan 2024.11", "png")).toBe("scan 2024.11.png");
    expect(nameForType("report.svg", "txt")).toBe("report.txt");
    expect(nameForType(".html", "txt")).toBe("file.txt");
    const long = nameForType(`${"a".repeat(198)}.html`, "pdf");
    expect(long).toHaveLength(200);
    expect(long.endsWith("a.pdf")).toBe(true);
  });

  it("offers the name back in a safe Content-Disposition", () => {
    expect(contentDisposition("Résumé \"final\".pdf")).toBe(
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
    expect(contentDisposition("it's (1)*.txt")).toBe(`attachment; filename="it's (1)*.txt"; filename*=UTF-8''it%27s%20%281%29%2A.txt`);
  });
});

describe("who may upload and download", () => {
  it("an outsider, a removed member and a lapsed member are told the file does not exist", async () => {
    const f = await fixture();
    const { id } = await upload(f, f.people.owner.id, PDF);
    const open = (userId: string) => openRecordFile({ db: database.db, userId, caseId: f.caseId, fileId: id });

    await expect(open(f.people.outsider.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(upload(f, f.people.outsider.id, PDF)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(open(f.people.supporter.id)).resolves.toMatchObject({ name: "results.pdf" });
    await (await callerFor(database.db, f.people.owner)).member.remove({ caseId: f.caseId, memberId: f.supporterMemberId });
    await expect(open(f.people.supporter.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(upload(f, f.people.supporter.id, PDF)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const lapsed = await createUser(database.db);
    await addMember(database.db, f.caseId, lapsed.id, "supporter", { accessEndsAt: new Date(Date.now() - 60_000) });
    await expect(open(lapsed.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The owner of another case cannot reach this file through their own case either.
    await expect(openRecordFile({ db: database.db, userId: f.people.outsider.id, caseId: f.otherCaseId, fileId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await activityOf(f.caseId, "file.downloaded")).toHaveLength(1); // only the supporter's, while a member
  });

  it("a viewer can download a shared file but cannot upload", async () => {
    const f = await fixture();
    const { id } = await upload(f, f.people.supporter.id, PNG, { fileName: "knee.png" });
    const opened = await openRecordFile({ db: database.db, userId: f.people.viewer.id, caseId: f.caseId, fileId: id });
    expect(Buffer.compare(opened.bytes, PNG)).toBe(0);
    await expect(upload(f, f.people.viewer.id, PDF)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stored(f.caseId)).toEqual({ files: 1, blobs: 1 });
  });

  it("a private record's files exist only for its author and the owner", async () => {
    const f = await fixture();
    const { id } = await upload(f, f.people.author.id, PDF, { recordId: f.privateRecordId, fileName: "therapy.pdf" });
    const [entry] = await activityOf(f.caseId, "file.uploaded");
    expect(entry!.visibility).toBe("author_and_owner");

    const asSupporter = await callerFor(database.db, f.people.supporter);
    await expect(asSupporter.file.list({ caseId: f.caseId, recordId: f.privateRecordId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openRecordFile({ db: database.db, userId: f.people.supporter.id, caseId: f.caseId, fileId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(upload(f, f.people.supporter.id, PDF, { recordId: f.privateRecordId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asSupporter.file.delete({ caseId: f.caseId, fileId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      openRecordFile({ db: database.db, userId: f.people.viewer.id, caseId: f.caseId, fileId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asSupporter.activity.list({ caseId: f.caseId })).map((a) => a.action)).not.toContain("file.uploaded");

    for (const person of [f.people.owner, f.people.author]) {
      const caller = await callerFor(database.db, person);
      expect((await caller.file.list({ caseId: f.caseId, recordId: f.privateRecordId })).map((file) => file.id)).toEqual([id]);
      const opened = await openRecordFile({ db: database.db, userId: person.id, caseId: f.caseId, fileId: id });
      expect(sha256(opened.bytes)).toBe(sha256(PDF));
    }
    expect((await (await callerFor(database.db, f.people.owner)).activity.list({ caseId: f.caseId })).map((a) => a.action)).toContain(
      "file.uploaded",
    );

    const shared = await upload(f, f.people.supporter.id, PNG, { fileName: "scan.png" });
    // The whole case's files at once (the records page): the private record's only for its author and the owner.
    const caseFiles = async (person: typeof f.people.owner) =>
      (await (await callerFor(database.db, person)).file.list({ caseId: f.caseId })).map((file) => [file.recordId, file.id]).sort();
    for (const person of [f.people.supporter, f.people.viewer]) expect(await caseFiles(person)).toEqual([[f.recordId, shared.id]]);
    for (const person of [f.people.owner, f.people.author]) {
      expect(await caseFiles(person)).toEqual([[f.privateRecordId, id], [f.recordId, shared.id]].sort());
    }
  });

  it("a record of another case is not found, and nothing is stored in either case", async () => {
    const f = await fixture();
    await expect(upload(f, f.people.owner.id, PDF, { recordId: f.otherRecordId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
    expect(await stored(f.otherCaseId)).toEqual({ files: 0, blobs: 0 });
  });

  it("a failure inside the upload transaction leaves no bytes behind", async () => {
    const f = await fixture();
    const real = createPostgresStorage(database.db);
    let wrote = false;
    const failingAfterPut: FileStorage = {
      ...real,
      async put(input, tx) {
        await real.put(input, tx);
        wrote = true;
        throw new Error("the disk filled up");
      },
    };
    await expect(
      uploadRecordFile({ db: database.db, userId: f.people.owner.id, caseId: f.caseId, recordId: f.recordId, fileName: "x.pdf", body: chunked(PDF).body, storage: failingAfterPut }),
    ).rejects.toThrow("the disk filled up");
    expect(wrote).toBe(true);
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
    expect(await activityOf(f.caseId, "file.uploaded")).toHaveLength(0);
  });
});

describe("file router", () => {
  it("lists a record's files and lets the uploader or the owner remove them", async () => {
    const f = await fixture();
    const owner = await callerFor(database.db, f.people.owner);
    const supporter = await callerFor(database.db, f.people.supporter);
    const viewer = await callerFor(database.db, f.people.viewer);
    const mine = await upload(f, f.people.supporter.id, PDF, { fileName: "mine.pdf" });
    const owners = await upload(f, f.people.owner.id, PNG, { fileName: "owners.png" });

    const listed = await supporter.file.list({ caseId: f.caseId, recordId: f.recordId });
    expect(listed.map((file) => [file.name, file.mediaType, file.uploadedByName, file.canDelete])).toEqual([
      ["mine.pdf", "application/pdf", "Sam Supporter", true],
      ["owners.png", "image/png", "Olive Owner", false],
    ]);
    expect(listed[0]).toMatchObject({ id: mine.id, size: PDF.length, sha256: sha256(PDF), downloadPath: `/api/cases/${f.caseId}/files/${mine.id}` });
    expect((await viewer.file.list({ caseId: f.caseId, recordId: f.recordId })).every((file) => !file.canDelete)).toBe(true);
    await expect(owner.file.list({ caseId: f.caseId, recordId: f.otherRecordId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(supporter.file.delete({ caseId: f.caseId, fileId: owners.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.file.delete({ caseId: f.caseId, fileId: mine.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(supporter.file.delete({ caseId: f.caseId, fileId: mine.id })).resolves.toEqual({ deleted: true });
    await expect(owner.file.delete({ caseId: f.caseId, fileId: owners.id })).resolves.toEqual({ deleted: true });
    await expect(owner.file.delete({ caseId: f.caseId, fileId: owners.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
    expect(await owner.file.list({ caseId: f.caseId, recordId: f.recordId })).toEqual([]);
    const removals = await activityOf(f.caseId, "file.deleted");
    expect(removals.map((r) => [r.actorId, r.entityId]).sort()).toEqual(
      [
        [f.people.supporter.id, mine.id],
        [f.people.owner.id, owners.id],
      ].sort(),
    );
    await expect(openRecordFile({ db: database.db, userId: f.people.owner.id, caseId: f.caseId, fileId: mine.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("cannot remove a file of another case through one's own case", async () => {
    const a = await fixture();
    const b = await fixture();
    const { id } = await upload(b, b.people.owner.id, PDF);
    const ownerOfA = await callerFor(database.db, a.people.owner);
    await expect(ownerOfA.file.delete({ caseId: a.caseId, fileId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(b.caseId)).toEqual({ files: 1, blobs: 1 });
  });

  it("removing a record's files takes their bytes too", async () => {
    const f = await fixture();
    await upload(f, f.people.owner.id, PDF);
    await upload(f, f.people.owner.id, PNG);
    const removed = await database.db.transaction((tx) => removeFilesOfRecord(tx, { caseId: f.caseId, role: "owner", userId: f.people.owner.id }, f.recordId));
    expect(removed).toBe(2);
    expect(await stored(f.caseId)).toEqual({ files: 0, blobs: 0 });
  });
});

describe("file route handlers", () => {
  const base = "http://app.example";
  const signIn = (user: { id: string; name: string; email: string }) => {
    routeEnv.session = { user: { id: user.id, name: user.name, email: user.email }, sessionId: "test" };
  };
  const post = (caseId: string, recordId: string, body: Uint8Array, headers: Record<string, string> = {}) =>
    uploadRoute(
      new Request(`${base}/api/cases/${caseId}/records/${recordId}/files`, {
        method: "POST",
        headers: { host: "app.example", "content-type": "application/octet-stream", ...headers },
        body: new Uint8Array(body),
      }),
      { params: Promise.resolve({ caseId, recordId }) },
    );
  const get = (caseId: string, fileId: string) =>
    downloadRoute(new Request(`${base}/api/cases/${caseId}/files/${fileId}`), { params: Promise.resolve({ caseId, fileId }) });

  it("uploads raw bytes and serves them back as an attachment that is never rendered", async () => {
    const f = await fixture();
    signIn(f.people.supporter);
    const created = await post(f.caseId, f.recordId, PDF, {
      origin: base,
      "sec-fetch-site": "same-origin",
      "x-file-name": encodeURIComponent("Blutbild März.pdf"),
    });
    expect(created.status).toBe(201);
    const file = (await created.json()) as { id: string; name: string; mediaType: string; size: number; sha256: string };
    expect(file).toMatchObject({ name: "Blutbild März.pdf", mediaType: "application/pdf", size: PDF.length, sha256: sha256(PDF) });

    signIn(f.people.viewer);
    const response = await get(f.caseId, file.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(PDF.length),
      "content-disposition": `attachment; filename="Blutbild M_rz.pdf"; filename*=UTF-8''Blutbild%20M%C3%A4rz.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), PDF)).toBe(0);
  });

  it("maps refusals to HTTP statuses with a JSON message", async () => {
    const f = await fixture();
    const { id } = await upload(f, f.people.owner.id, PDF);

    routeEnv.session = null;
    expect((await post(f.caseId, f.recordId, PDF)).status).toBe(401);
    expect((await get(f.caseId, id)).status).toBe(401);

    signIn(f.people.supporter);
    expect((await post(f.caseId, f.recordId, PDF, { origin: "http://evil.example" })).status).toBe(403);
    expect((await post("not-a-uuid", f.recordId, PDF)).status).toBe(404);
    expect((await get(f.caseId, "../../etc/passwd")).status).toBe(404);
    const wrongType = await post(f.caseId, f.recordId, HTML, { "x-file-name": "report.pdf" });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: string }).error).toMatch(/PDF/);
    expect((await post(f.caseId, f.recordId, new Uint8Array())).status).toBe(400);
    expect((await post(f.caseId, f.recordId, PDF, { "x-file-name": "%E0%A4%A.pdf" })).status).toBe(201); // bad encoding tolerated
    const tooLarge = await post(f.caseId, f.recordId, new Uint8Array(MAX_FILE_BYTES + 1));
    expect(tooLarge.status).toBe(413);

    signIn(f.people.viewer);
    expect((await post(f.caseId, f.recordId, PDF)).status).toBe(403);
    signIn(f.people.outsider);
    expect((await post(f.caseId, f.recordId, PDF)).status).toBe(404);
    const outsiderDownload = await get(f.caseId, id);
    expect(outsiderDownload.status).toBe(404);
    expect(await outsiderDownload.json()).toEqual({ error: "We could not find that case.", requestId: expect.any(String) });
    expect(await stored(f.caseId)).toEqual({ files: 2, blobs: 2 });
  });
});
