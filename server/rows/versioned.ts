/**
 * Shared write rules for case rows: the version check (no lost updates) and whole-list reordering.
 * Every editable case row uses these, so a stale save always looks the same to the client.
 */
import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { fieldError, StaleVersion } from "@/server/errors";

/** Thrown when an update matched no row at the version the person edited. */
export function staleVersion<T>(current: T): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: "Someone else saved a change here while you were editing. Compare their version with yours before saving again.",
    cause: new StaleVersion(current),
  });
}

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
    throw fieldError("ids", "The list changed while you were reordering it. Reload it and try again.");
  }
  if (ids.length === 0) return;
  const whens = sql.join(
    ids.map((id, index) => sql`when ${table.id} = ${id} then ${index}::int`),
    sql` `,
  );
  await tx.execute(
    sql`update ${table} set ${sql.identifier(table.position.name)} = case ${whens} end
        where ${and(eq(table.caseId, caseId), inArray(table.id, ids))}`,
  );
}

/** The next position at the end of a list. */
export async function nextPosition(tx: Tx, table: OrderedTable, caseId: string): Promise<number> {
  const [row] = (await tx
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table as PgTable)
    .where(eq(table.caseId, caseId))) as { max: number | null }[];
  return (row?.max ?? -1) + 1;
}
