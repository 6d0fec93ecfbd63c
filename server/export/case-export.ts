/**
 * Builds the case export (format in lib/case-export.ts, described in docs/EXPORT.md) for
 * the case owner. Everything is read with the owner's visibility: other members' private notes and
 * activity entries only their authors see are left out. Rows are read whole and the schema keeps
 * only the documented fields, so an internal column (a token hash, a version counter) never slips
 * into the file.
 *
 * Memory: the JSON is streamed. Everything but the files' bytes is built in memory (small); files
 * are read one at a time and written as base64 in slices, so memory grows with the largest file,
 * not with the number of files (measurements in docs/EXPORT.md).
 */
import "server-only";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { activitySummary } from "@/server/activity-words";
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  activity,
  allergies,
  caseMembers,
  cases,
  checklistTicks,
  comparisonCells,
  comparisonRows,
  decisionComments,
  decisions,
  invitations,
  medications,
  notes,
  opinionCalls,
  opinions,
  pastProcedures,
  questions,
  recordFiles,
  records,
  reflections,
  selfChecks,
  sectionVisits,
  users,
  tasks,
  taskSuggestionsClosed,
} from "@/db/schema";
import { visibleActivity, visibleNotes, type CaseContext } from "@/server/access";
import { CASE_EXPORT_FORMAT, CASE_EXPORT_VERSION, type CaseExport, ZCaseExport } from "@/lib/case-export";
import { defaultStorage, type FileStorage } from "@/server/storage";

/** A flat row with its Dates as ISO strings, as the JSON file holds them. */
type Jsonish<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
function plain<T extends Record<string, unknown>>(row: T): Jsonish<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as Jsonish<T>;
}
const plainAll = <T extends Record<string, unknown>>(rows: T[]) => rows.map(plain);

/**
 * The export of `owner`'s case, validated, with every file's `contentBase64` still empty (the
 * comparison PDF needs no bytes; `caseExportStream` fills them in), and each file's storage key.
 * Callers authorize first (`requireCaseMember(…, "owner")`); the owner may see every record, so no
 * record filter applies, but notes and the log still follow their visibility rules.
 */
export async function readCaseExport(db: Db, owner: CaseContext): Promise<{ data: CaseExport; fileKeys: Map<string, string> }> {
  if (owner.role !== "owner") throw new Error("only the owner exports a case");
  const { caseId, userId } = owner;
  const inCase = (column: AnyPgColumn) => eq(column, caseId);

  const [theCase] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!theCase) throw new Error(`case ${caseId} vanished during export`);
  const [me] = await db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId));
  // Summaries are written for people: in the owner's language (the actions stay stable keys).
  const locale = me?.locale ?? DEFAULT_LOCALE;

  const [
    memberRows,
    invitationRows,
    questionRows,
    recordRows,
    fileRows,
    medicationRows,
    allergyRows,
    procedureRows,
    noteRows,
    opinionRows,
    callRows,
    cellRows,
    markRows,
    reflectionRows,
    decisionRows,
    commentRows,
    activityRows,
    selfCheckRows,
    tickRows,
    visitRows,
    taskRows,
    closedSuggestionRows,
  ] = await Promise.all([
    db
      .select({
        id: caseMembers.id,
        userId: caseMembers.userId,
        name: users.name,
        email: users.email,
        role: caseMembers.role,
        joinedAt: caseMembers.joinedAt,
        accessEndsAt: caseMembers.accessEndsAt,
        lastActiveAt: caseMembers.lastActiveAt,
      })
      .from(caseMembers)
      .innerJoin(users, eq(users.id, caseMembers.userId))
      .where(inCase(caseMembers.caseId))
      .orderBy(asc(caseMembers.joinedAt)),
    db
      .select()
      .from(invitations)
      .where(and(inCase(invitations.caseId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
      .orderBy(asc(invitations.createdAt)),
    db.select().from(questions).where(inCase(questions.caseId)).orderBy(asc(questions.position), asc(questions.createdAt)),
    db.select().from(records).where(inCase(records.caseId)).orderBy(asc(records.position), asc(records.createdAt)),
    db.select().from(recordFiles).where(inCase(recordFiles.caseId)).orderBy(asc(recordFiles.createdAt)),
    db.select().from(medications).where(inCase(medications.caseId)).orderBy(asc(medications.position), asc(medications.createdAt)),
    db.select().from(allergies).where(inCase(allergies.caseId)).orderBy(asc(allergies.position), asc(allergies.createdAt)),
    db.select().from(pastProcedures).where(inCase(pastProcedures.caseId)).orderBy(asc(pastProcedures.position), asc(pastProcedures.createdAt)),
    // Shared notes and the owner's own private ones: other members' private notes stay theirs.
    db
      .select()
      .from(notes)
      .where(visibleNotes(owner))
      .orderBy(asc(notes.createdAt)),
    db.select().from(opinions).where(inCase(opinions.caseId)).orderBy(asc(opinions.position), asc(opinions.createdAt)),
    db.select().from(opinionCalls).where(inCase(opinionCalls.caseId)).orderBy(asc(opinionCalls.calledAt)),
    db.select().from(comparisonCells).where(inCase(comparisonCells.caseId)),
    db.select().from(comparisonRows).where(inCase(comparisonRows.caseId)),
    db.select().from(reflections).where(inCase(reflections.caseId)).orderBy(asc(reflections.createdAt)),
    db.select().from(decisions).where(inCase(decisions.caseId)).orderBy(asc(decisions.createdAt)),
    db.select().from(decisionComments).where(inCase(decisionComments.caseId)).orderBy(asc(decisionComments.createdAt)),
    db
      .select()
      .from(activity)
      .where(and(inCase(activity.caseId), visibleActivity(owner)))
      .orderBy(asc(activity.createdAt)),
    db.select().from(selfChecks).where(inCase(selfChecks.caseId)),
    db.select().from(checklistTicks).where(inCase(checklistTicks.caseId)).orderBy(asc(checklistTicks.tickedAt)),
    db.select().from(sectionVisits).where(inCase(sectionVisits.caseId)).orderBy(asc(sectionVisits.firstAt)),
    db.select().from(tasks).where(inCase(tasks.caseId)).orderBy(asc(tasks.createdAt)),
    db.select().from(taskSuggestionsClosed).where(inCase(taskSuggestionsClosed.caseId)).orderBy(asc(taskSuggestionsClosed.closedAt)),
  ]);

  // The bytes are not read here: `caseExportStream` writes each file's base64 into the output as it goes.
  const files = fileRows.map((file) => ({ ...plain(file), contentBase64: "" }));
  const fileKeys = new Map(fileRows.map((f) => [f.id, f.storageKey]));

  const data = ZCaseExport.parse({
    format: CASE_EXPORT_FORMAT,
    version: CASE_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy: { userId, name: me?.name ?? "" },
    case: plain(theCase),
    selfCheck: selfCheckRows[0] ? plain(selfCheckRows[0]) : null,
    checklistTicks: plainAll(tickRows),
    members: plainAll(memberRows),
    invitations: plainAll(invitationRows),
    questions: plainAll(questionRows),
    records: recordRows.map((r) => ({ ...plain(r), files: files.filter((f) => f.recordId === r.id) })),
    medications: plainAll(medicationRows),
    allergies: plainAll(allergyRows),
    procedures: plainAll(procedureRows),
    notes: plainAll(noteRows),
    opinions: opinionRows.map((o) => ({ ...plain(o), calls: plainAll(callRows.filter((c) => c.opinionId === o.id)) })),
    comparison: { cells: plainAll(cellRows), rows: plainAll(markRows) },
    reflections: plainAll(reflectionRows),
    decisions: decisionRows.map((d) => ({ ...plain(d), comments: plainAll(commentRows.filter((c) => c.decisionId === d.id)) })),
    activity: plainAll(activityRows).map((entry) => ({ ...entry, summary: activitySummary(entry.summary, locale) })),
    tasks: plainAll(taskRows),
    taskSuggestionsClosed: plainAll(closedSuggestionRows),
    sectionVisits: plainAll(visitRows),
  });
  return { data, fileKeys };
}

/** Base64 in slices of whole 3-byte groups, so the slices join into one valid base64 string. */
const BASE64_SLICE_BYTES = 3 * 256 * 1024;

/**
 * The export as a stream of UTF-8 JSON: the document (read and validated by `readCaseExport`)
 * with each file's `contentBase64` written in place as its bytes are read, one file at a time.
 * Each file's place is held by a marker with a random nonce, which no text in the case can match.
 * A file that cannot be read midway errors the stream — the download fails, the browser never keeps a
 * short file that looks whole — and `onFailure` is told (after the stream has failed).
 */
export function caseExportStream(
  db: Db,
  read: Awaited<ReturnType<typeof readCaseExport>>,
  { storage = defaultStorage(db), onFailure }: { storage?: FileStorage; onFailure?: (error: unknown) => void } = {},
) {
  const nonce = randomUUID();
  const text = JSON.stringify(
    read.data,
    function (this: Record<string, unknown>, key, value: unknown) {
      return key === "contentBase64" ? `${nonce}:${String(this.id)}` : value;
    },
    2,
  );
  const parts = text.split(new RegExp(`"${nonce}:([0-9a-f-]{36})"`));
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    // split() with a capture group alternates: text, file id, text, file id, …, text.
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        yield encoder.encode(parts[i]);
        continue;
      }
      const key = read.fileKeys.get(parts[i]!);
      const bytes = key ? await storage.get(key) : null;
      if (!bytes) throw new Error(`file ${parts[i]} has no stored bytes`);
      yield encoder.encode('"');
      for (let offset = 0; offset < bytes.length; offset += BASE64_SLICE_BYTES) {
        yield encoder.encode(bytes.subarray(offset, offset + BASE64_SLICE_BYTES).toString("base64"));
      }
      yield encoder.encode('"');
    }
  }
  const iterator = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        controller.error(error);
        onFailure?.(error);
        return;
      }
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
