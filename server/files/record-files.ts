/**
 * Files on records: upload, download and removal, shared by the file route handlers
 * (app/api/cases/[caseId]/…, through `caseRoute`), the `file` router and the tests.
 *
 * Every entry point applies the one authorization rule (`requireCaseMember`) — or takes the member
 * it already gave — then reads rows by `caseId` as well as their id, and applies the private-record
 * rule in the same query: a private record and its files exist only for the record's author and
 * the case owner (NOT_FOUND for anyone else). Bytes go through the storage module; the file row, its
 * bytes and the activity entry are written in one transaction, so a refused or interrupted upload
 * leaves nothing behind.
 */
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { recordFiles, records } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { notFound } from "@/server/errors";
import type { ActivityVisibility } from "@/lib/activity";
import type { CaseRole } from "@/lib/member";
import { defaultStorage, type FileStorage } from "@/server/storage";
import { type CaseContext, refusal, requireCaseMember, visibleRecords } from "@/server/access";
import { MAX_FILE_BYTES } from "@/lib/record";
import { messageRef } from "@/lib/i18n/message-ref";
import { detectFileType, isPlainText, SNIFF_BYTES } from "./detect-type";

// ── Rules ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Who may remove a file — alone (`file.delete`) or with the record that holds it (`record.delete`):
 * the person who added it, or the case owner. A file whose uploader has deleted their account is
 * the owner's to remove.
 */
export function mayRemoveFile(member: { role: CaseRole; userId: string }, uploadedBy: string | null): boolean {
  return member.role === "owner" || (uploadedBy !== null && uploadedBy === member.userId);
}

/** Who may read the activity entry about a file: narrowed like the record it belongs to. */
const visibilityOf = (record: { private: boolean }): ActivityVisibility => (record.private ? "author_and_owner" : "members");

const MAX_NAME_LENGTH = 200;
// Control characters (C0, DEL, C1) and the bidirectional controls that can disguise an extension
// ("report\u202Efdp.exe" shows as "reportexe.pdf").
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name safe to store and to offer back: no path separators, no control characters, trimmed,
 * at most 200 characters (the extension is kept when a long name is cut), "file" when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const name = raw.normalize("NFC").replace(UNSAFE_NAME_CHARACTERS, "").replace(/[/\\]/g, "").trim();
  const chars = Array.from(name); // code points, so a cut never splits a surrogate pair
  if (chars.length <= MAX_NAME_LENGTH) return name || "file";
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 1 && extension.length <= 16 ? extension : [];
  return chars.slice(0, MAX_NAME_LENGTH - keep.length).join("").trim() + keep.join("") || "file";
}

/** Other spellings of an allowed type's extension that a name may already end with. */
const SAME_TYPE_EXTENSIONS: Record<string, readonly string[]> = { jpg: ["jpg", "jpeg", "jpe"], heif: ["heif", "hif"], txt: ["txt", "text"] };

/**
 * The stored name ends with the extension of the type detected from the bytes, whatever the name
 * said: "lab-results.html" that is plain text is stored as "lab-results.txt", so a later download,
 * copied off the app, never opens as a page. A short run of letters and digits after the last dot is
 * the extension it replaces; anything else ("Dr. Smith", "scan 2024.11") stays and gets one added.
 */
export function nameForType(name: string, extension: string): string {
  const dot = name.lastIndexOf(".");
  const current = dot >= 0 ? name.slice(dot + 1) : "";
  if ((SAME_TYPE_EXTENSIONS[extension] ?? [extension]).includes(current.toLowerCase())) return name;
  const isExtension = /^[A-Za-z0-9]{1,10}$/.test(current) && /[A-Za-z]/.test(current);
  const base = (isExtension ? name.slice(0, dot) : name).trim() || "file";
  const suffix = `.${extension}`;
  return Array.from(base).slice(0, MAX_NAME_LENGTH - suffix.length).join("").trimEnd() + suffix;
}

/** `Content-Disposition` for a download: an ASCII fallback name and the exact name (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// ── Errors ───────────────────────────────────────────────────────────────────────────────────────

const recordNotFound = () => notFound(messageRef("records.errors.recordNotFound"));
const fileNotFound = () => notFound(messageRef("records.errors.fileNotFound"));
const notYourFile = (caseId: string) => refusal("FORBIDDEN", "not-uploader", caseId, messageRef("records.errors.removeFileNotYours"));
const recordHoldsOthersFiles = (caseId: string) => refusal("FORBIDDEN", "not-uploader", caseId, messageRef("records.errors.recordHoldsOthersFile"));
const tooLarge = () =>
  new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: messageRef("records.errors.fileTooLarge", { max: MAX_FILE_BYTES / (1024 * 1024) }),
  });

const interrupted = (cause?: unknown) =>
  new TRPCError({
    code: "BAD_REQUEST",
    message: messageRef("records.errors.interrupted"),
    cause,
  });

// ── Reading an upload ────────────────────────────────────────────────────────────────────────────

export type UploadBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

function isReadableStream(body: UploadBody): body is ReadableStream<Uint8Array> {
  return typeof (body as ReadableStream<Uint8Array>).getReader === "function";
}

async function* chunksOf(body: UploadBody): AsyncGenerator<Uint8Array> {
  if (!isReadableStream(body)) {
    // `yield*` passes an early stop on to the source (its `return()`), so it stops producing.
    yield* body;
    return;
  }
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Stopped early (too large): cancel the stream so the rest of the upload is not read.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Reads the whole body, refusing (and stopping) as soon as it grows past `limit` bytes. */
async function readWithLimit(body: UploadBody, limit: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunksOf(body)) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    throw interrupted(error);
  }
  return Buffer.concat(chunks, size);
}

// ── Upload ───────────────────────────────────────────────────────────────────────────────────────

async function findVisibleRecord(db: Db, member: { caseId: string; userId: string; role: CaseRole }, recordId: string) {
  const [record] = await db
    .select({ id: records.id, title: records.title, private: records.private })
    .from(records)
    .where(and(eq(records.id, recordId), visibleRecords(member)));
  if (!record) throw recordNotFound();
  return record;
}

export interface UploadedFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

interface Upload {
  db: Db;
  recordId: string;
  fileName: string;
  body: UploadBody;
  /** The Content-Length, when known: a file announced as too large is refused before any byte is read. */
  declaredSize?: number;
  storage?: FileStorage;
}

/** Checks that `userId` may add files to the case, then stores the file (`storeRecordFile`). */
export async function uploadRecordFile(input: Upload & { userId: string; caseId: string }): Promise<UploadedFile> {
  const member = await requireCaseMember(input.db, input.caseId, input.userId, "supporter");
  return storeRecordFile({ ...input, member });
}

/**
 * Stores a file on a record for `member`, a supporter or the owner as `requireCaseMember` gave
 * them (the upload route's `caseRoute` does). The membership is checked again when the file is written.
 */
export async function storeRecordFile(input: Upload & { member: CaseContext }): Promise<UploadedFile> {
  const { db, member, recordId } = input;
  const { caseId, userId } = member;
  const storage = input.storage ?? defaultStorage(db);

  // Refuse before reading anything: records that are not there for this person.
  await findVisibleRecord(db, member, recordId);
  if (input.declaredSize !== undefined && input.declaredSize > MAX_FILE_BYTES) throw tooLarge();

  const bytes = await readWithLimit(input.body, MAX_FILE_BYTES);
  // A body that ends short of its Content-Length was cut off (a cancelled or dropped upload), even if
  // the stream closed quietly: storing it would keep half a file.
  if (input.declaredSize !== undefined && bytes.length !== input.declaredSize) throw interrupted();
  if (bytes.length === 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("records.errors.fileEmpty") });
  }
  const complete = bytes.length <= SNIFF_BYTES;
  const type = detectFileType(bytes.subarray(0, SNIFF_BYTES), { complete });
  // Text is checked through to its end: a file that only starts like text is not plain text.
  if (!type || (type.mediaType === "text/plain" && !complete && !isPlainText(bytes, true))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: messageRef("records.errors.typeRefused") });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const name = nameForType(cleanFileName(input.fileName), type.extension);
  const storageKey = randomUUID();

  return db.transaction(async (tx) => {
    // Checked again inside the transaction: the upload may have taken a while, and access or the
    // record may have changed meanwhile.
    const current = await requireCaseMember(tx, caseId, userId, "supporter");
    const record = await findVisibleRecord(tx, current, recordId);
    await storage.put({ key: storageKey, caseId, bytes }, tx);
    const [file] = await tx
      .insert(recordFiles)
      .values({ caseId, recordId: record.id, name, mediaType: type.mediaType, size: bytes.length, sha256, storageKey, uploadedBy: userId })
      .returning({ id: recordFiles.id, name: recordFiles.name, mediaType: recordFiles.mediaType, size: recordFiles.size, sha256: recordFiles.sha256 });
    if (!file) throw new Error("file row was not written");
    await recordActivity(tx, {
      caseId,
      actorId: userId,
      action: "file.uploaded",
      entityType: "file",
      entityId: file.id,
      summary: messageRef("records.activity.fileUploaded", { title: record.title }),
      visibility: visibilityOf(record),
    });
    return file;
  });
}

// ── Download ─────────────────────────────────────────────────────────────────────────────────────

/** A file of this case that this member may see, with its record, or NOT_FOUND. */
async function findVisibleFile(db: Db, member: { caseId: string; userId: string; role: CaseRole }, fileId: string) {
  const [file] = await db
    .select({
      id: recordFiles.id,
      name: recordFiles.name,
      mediaType: recordFiles.mediaType,
      size: recordFiles.size,
      storageKey: recordFiles.storageKey,
      uploadedBy: recordFiles.uploadedBy,
      recordTitle: records.title,
      recordPrivate: records.private,
    })
    .from(recordFiles)
    .innerJoin(records, and(eq(records.id, recordFiles.recordId), eq(records.caseId, recordFiles.caseId)))
    .where(and(eq(recordFiles.id, fileId), eq(recordFiles.caseId, member.caseId), visibleRecords(member)));
  if (!file) throw fileNotFound();
  return file;
}

export interface OpenedFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  bytes: Buffer;
}

interface Open {
  db: Db;
  fileId: string;
  storage?: FileStorage;
}

/** Checks that `userId` is a member of the case, then opens the file for them (`readRecordFile`). */
export async function openRecordFile(input: Open & { userId: string; caseId: string }): Promise<OpenedFile> {
  const member = await requireCaseMember(input.db, input.caseId, input.userId, "viewer");
  return readRecordFile({ ...input, member });
}

/**
 * The file's bytes for `member` (as `requireCaseMember` gave them; the download route's
 * `caseDownload` does), if they may see it; the download is written to the activity log.
 */
export async function readRecordFile(input: Open & { member: CaseContext }): Promise<OpenedFile> {
  const { db, member } = input;
  const { caseId, userId } = member;
  const storage = input.storage ?? defaultStorage(db);
  const file = await findVisibleFile(db, member, input.fileId);
  const bytes = await storage.get(file.storageKey);
  if (!bytes) throw new Error(`file ${file.id} has no stored bytes (key ${file.storageKey})`);
  await db.transaction((tx) =>
    recordActivity(tx, {
      caseId,
      actorId: userId,
      action: "file.downloaded",
      entityType: "file",
      entityId: file.id,
      summary: messageRef("records.activity.fileDownloaded", { title: file.recordTitle }),
      visibility: visibilityOf({ private: file.recordPrivate }),
    }),
  );
  return { id: file.id, name: file.name, mediaType: file.mediaType, size: file.size, bytes };
}

// ── Removal ──────────────────────────────────────────────────────────────────────────────────────

/** Removes a file (row, bytes, activity entry) in one transaction. Only its uploader or the owner may. */
export async function deleteRecordFile(input: {
  db: Db;
  userId: string;
  caseId: string;
  fileId: string;
  storage?: FileStorage;
}): Promise<{ deleted: true }> {
  const { db, userId, caseId } = input;
  const storage = input.storage ?? defaultStorage(db);
  return db.transaction(async (tx) => {
    const member = await requireCaseMember(tx, caseId, userId, "supporter");
    const file = await findVisibleFile(tx, member, input.fileId);
    if (!mayRemoveFile(member, file.uploadedBy)) throw notYourFile(member.caseId);
    const [removed] = await tx
      .delete(recordFiles)
      .where(and(eq(recordFiles.id, file.id), eq(recordFiles.caseId, caseId)))
      .returning({ id: recordFiles.id });
    if (!removed) throw fileNotFound(); // removed by someone else a moment ago
    await storage.delete(file.storageKey, tx);
    await recordActivity(tx, {
      caseId,
      actorId: userId,
      action: "file.deleted",
      entityType: "file",
      entityId: file.id,
      summary: messageRef("records.activity.fileRemoved", { title: file.recordTitle }),
      visibility: visibilityOf({ private: file.recordPrivate }),
    });
    return { deleted: true as const };
  });
}

/**
 * For removing a record: deletes its files' rows and bytes inside the caller's transaction, for
 * `member` — FORBIDDEN, with nothing removed, when any of them is one `member` may not remove
 * (`mayRemoveFile`). Call it before deleting the record — the `record_files` rows would cascade, but
 * their bytes (`file_blobs`, keyed by storage key) would not. The record row is locked first, so a
 * file added meanwhile cannot slip in between this check and the record's removal.
 */
export async function removeFilesOfRecord(
  tx: Tx,
  member: { caseId: string; role: CaseRole; userId: string },
  recordId: string,
  storage: FileStorage = defaultStorage(tx),
): Promise<number> {
  const { caseId } = member;
  await tx
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.id, recordId), eq(records.caseId, caseId)))
    .for("update");
  const removed = await tx
    .delete(recordFiles)
    .where(and(eq(recordFiles.caseId, caseId), eq(recordFiles.recordId, recordId)))
    .returning({ storageKey: recordFiles.storageKey, uploadedBy: recordFiles.uploadedBy });
  // Refused before any bytes go: throwing rolls the rows back with the rest of the transaction.
  if (removed.some((file) => !mayRemoveFile(member, file.uploadedBy))) throw recordHoldsOthersFiles(member.caseId);
  for (const { storageKey } of removed) await storage.delete(storageKey, tx);
  return removed.length;
}
