/** Lists in a case that people order by hand: reordering (the whole list, or some of it) and the next position. */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { and, eq, getTableName, inArray, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { fieldError } from "@/server/errors";

type OrderedTable = PgTable & { id: PgColumn; caseId: PgColumn; position: PgColumn };

/**
 * Rewrites positions to follow `ids`, which must be exactly the case's rows of that list (`scope`
 * narrows it, e.g. to the rows a member may see). Anything else is refused and nothing moves.
 */
export async function reorderRows(tx: Tx, table: OrderedTable, caseId: string, ids: string[], scope?: ReturnType<typeof and>) {
  const existing = (await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.caseId, caseId), scope))) as { id: string }[];
  const known = new Set(existing.map((r) => r.id));
  if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
    throw fieldError("ids", messageRef("errors.listChanged"));
  }
  if (ids.length === 0) return;
  await setPositions(tx, table, caseId, ids, ids.map((_, index) => index));
}

/**
 * Puts some of a list's rows (`ids`, each once, all the case's) in the order given, in the places they
 * already hold among themselves: every other row keeps its place, so a part of the list can be reordered
 * without knowing the rest. Anything else is refused and nothing moves.
 */
export async function reorderAmong(tx: Tx, table: OrderedTable, caseId: string, ids: string[]) {
  if (ids.length === 0) return;
  const rows = (await tx
    .select({ id: table.id, position: table.position })
    .from(table as PgTable)
    .where(and(eq(table.caseId, caseId), inArray(table.id, ids)))
    .for("update")) as { id: string; position: number }[];
  if (rows.length !== ids.length || new Set(ids).size !== ids.length) throw fieldError("ids", messageRef("errors.listChanged"));
  await setPositions(tx, table, caseId, ids, rows.map((row) => row.position).sort((a, b) => a - b));
}

/** One statement: row `ids[i]` of the case gets position `positions[i]`. */
async function setPositions(tx: Tx, table: OrderedTable, caseId: string, ids: string[], positions: number[]) {
  const whens = sql.join(
    ids.map((id, index) => sql`when ${table.id} = ${id} then ${positions[index]}::int`),
    sql` `,
  );
  await tx.execute(
    sql`update ${table} set ${sql.identifier(table.position.name)} = case ${whens} end
        where ${and(eq(table.caseId, caseId), inArray(table.id, ids))}`,
  );
}

/**
 * The next position at the end of a list. Two people adding at once would both read the same max;
 * a transaction-scoped advisory lock keyed by (table, case) makes the second wait until the first
 * commits, so two items never share a position (docs/decisions/0032). Call it inside the transaction
 * that inserts the row.
 */
export async function nextPosition(tx: Tx, table: OrderedTable, caseId: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`position:${getTableName(table)}:${caseId}`}))`);
  const [row] = (await tx
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table as PgTable)
    .where(eq(table.caseId, caseId))) as { max: number | null }[];
  return (row?.max ?? -1) + 1;
}
