/**
 * Creates that a retry cannot duplicate (issue 18 §2, docs/decisions/0032). A form sends a
 * `submissionId` (lib/fields.ts `ZSubmission`) made once per submission and sent again when the same
 * submission is retried after a 503, a timeout or a lost answer. The row's id is derived from
 * (table, case, person, submissionId), so the retry names the same row: the insert does nothing, and
 * the procedure answers with the row the first attempt wrote instead of writing a second one — and
 * skips the activity entry, the live event and the reminder sync it already did. The id is a SHA-256
 * of all four, so another person cannot collide with someone's row or guess its id. Without a
 * submissionId the row gets a random id, as before.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, getTableName } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";

type TableWithId = PgTable & { id: PgColumn };

export interface Submission {
  /** The case the row belongs to ("" for a row that makes its own case). */
  caseId: string;
  userId: string;
  submissionId?: string | undefined;
}

/** The row id a submission names: a UUID (version 8, "custom") made of a SHA-256 of table, case, person and submission. */
export function submissionRowId(table: PgTable, { caseId, userId, submissionId }: Submission & { submissionId: string }): string {
  const hash = createHash("sha256").update(["secondlook-create-once", getTableName(table), caseId, userId, submissionId].join("\u0000")).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x80; // version 8
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the row this submission already wrote, or null (always null without a submissionId).
 * For a procedure whose checks would refuse the retry itself ("already added"): it asks this first.
 */
export async function alreadyCreated(tx: Tx, table: TableWithId, submission: Submission): Promise<string | null> {
  if (!submission.submissionId) return null;
  const id = submissionRowId(table, { ...submission, submissionId: submission.submissionId });
  const caseColumn = (table as TableWithId & { caseId?: PgColumn }).caseId;
  const [row] = (await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.id, id), caseColumn && submission.caseId ? eq(caseColumn, submission.caseId) : undefined))) as { id: string }[];
  return row ? row.id : null;
}

/**
 * Inserts `values` once per submission. `created: false` means a retry: nothing was inserted, `id` is
 * the first attempt's row, and the caller returns that row without recording activity again. When
 * the first attempt is still running, the insert waits for it and then sees its row (or, if it rolled
 * back, inserts).
 */
export async function createOnce<TTable extends TableWithId>(
  tx: Tx,
  table: TTable,
  submission: Submission,
  values: PgInsertValue<TTable>,
): Promise<{ id: string; created: boolean }> {
  if (!submission.submissionId) {
    const [row] = (await tx.insert(table).values(values).returning({ id: table.id })) as { id: string }[];
    if (!row) throw new Error(`${getTableName(table)} row was not created`);
    return { id: row.id, created: true };
  }
  const id = submissionRowId(table, { ...submission, submissionId: submission.submissionId });
  const [row] = (await tx
    .insert(table)
    .values({ ...values, id } as PgInsertValue<TTable>)
    .onConflictDoNothing({ target: table.id })
    .returning({ id: table.id })) as { id: string }[];
  return row ? { id: row.id, created: true } : { id, created: false };
}
