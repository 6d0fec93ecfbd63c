/**
 * Builds the case export (format in server/shared/case-export.ts, described in docs/EXPORT.md) for
 * the case owner. Everything is read with the owner's visibility: other members' private notes and
 * activity entries only their authors see are left out. Rows are read whole and the schema keeps
 * only the documented fields, so an internal column (a token hash, a version counter) never slips
 * into the file.
 *
 * Memory: the whole file is built in memory. Each file's bytes are held several times over while it
 * is converted (hex from the database, the bytes, base64, then the JSON text and the response
 * body), roughly 6× the total size of the case's files at the peak — about 1.5 GB for ten 25 MB
 * files. Streaming the JSON (writing each file's base64 as it is read) is the next step if cases
 * grow that large.
 */
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  activity,
  allergies,
  caseMembers,
  cases,
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
  users,
} from "@/db/schema";
import { visibleActivity } from "@/server/activity";
import { visibleNotes } from "@/server/routers/note";
import { CASE_EXPORT_FORMAT, CASE_EXPORT_VERSION, ZCaseExport, type CaseExport } from "@/server/shared/case-export";
import { defaultStorage, type FileStorage } from "@/server/storage";
import type { CaseContext } from "@/server/trpc";

/** A flat row with its Dates as ISO strings, as the JSON file holds them. */
type Jsonish<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
function plain<T extends Record<string, unknown>>(row: T): Jsonish<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as Jsonish<T>;
}
const plainAll = <T extends Record<string, unknown>>(rows: T[]) => rows.map(plain);

export interface ExportOptions {
  /** false: leave the files' bytes out (`contentBase64` is empty), for uses that need none (the comparison PDF). */
  withFileContents?: boolean;
  storage?: FileStorage;
}

/**
 * The export of `owner`'s case. Callers authorize first (`requireCaseMember(…, "owner")`); the
 * owner may see every record, so no record filter applies, but notes still follow `visibleNotes`.
 */
export async function buildCaseExport(db: Db, owner: CaseContext, options: ExportOptions = {}): Promise<CaseExport> {
  if (owner.role !== "owner") throw new Error("only the owner exports a case");
  const { caseId, userId } = owner;
  const storage = options.storage ?? defaultStorage(db);
  const inCase = (column: AnyPgColumn) => eq(column, caseId);

  const [theCase] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!theCase) throw new Error(`case ${caseId} vanished during export`);
  const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));

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
  ]);

  const files: (Jsonish<(typeof fileRows)[number]> & { contentBase64: string })[] = [];
  for (const file of fileRows) {
    // One file at a time, so at most one file's bytes are being converted at once.
    const bytes = options.withFileContents === false ? Buffer.alloc(0) : await storage.get(file.storageKey);
    if (!bytes) throw new Error(`file ${file.id} has no stored bytes (key ${file.storageKey})`);
    files.push({ ...plain(file), contentBase64: bytes.toString("base64") });
  }

  return ZCaseExport.parse({
    format: CASE_EXPORT_FORMAT,
    version: CASE_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy: { userId, name: me?.name ?? "" },
    case: plain(theCase),
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
    activity: plainAll(activityRows),
  });
}
