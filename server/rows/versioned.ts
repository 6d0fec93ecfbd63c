/**
 * The version rule for editable case rows (no lost updates): an update names the version it edited;
 * zero rows updated means someone else saved first, and the caller gets a CONFLICT carrying the row
 * as it is now. Every versioned update goes through `updateVersioned`, so a stale save always looks
 * the same to the client.
 */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { TRPCError } from "@trpc/server";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { StaleVersion } from "@/server/errors";

/**
 * Thrown when an update matched no row at the version the person edited. `current` is the row as it
 * is now, in the entity's view schema (lib/<noun>.ts): the same shape the form parses it with.
 */
export function staleVersion<V extends z.ZodType>(view: V, current: z.input<V>): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: messageRef("errors.staleVersion"),
    cause: new StaleVersion(view.parse(current)),
  });
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn; caseId?: PgColumn };

/**
 * Updates the row `id` of case `caseId` with `set` if it is still at `version`: bumps the version and
 * lets the database stamp `updatedAt`. Returns `returning` of the updated row; otherwise throws the
 * CONFLICT with `current()` in the `view` schema — `current` itself throws NOT_FOUND when the row is
 * gone. `where` narrows the row further (e.g. to what the member may see).
 */
export async function updateVersioned<
  TTable extends VersionedTable,
  TReturn extends Record<string, PgColumn | SQL | SQL.Aliased>,
  V extends z.ZodType,
>(
  tx: Tx,
  table: TTable,
  key: { caseId: string; id: string; version: number; where?: SQL },
  set: PgUpdateSetSource<TTable>,
  { returning, view, current }: { returning: TReturn; view: V; current: () => Promise<z.input<V>> },
): Promise<SelectResultFields<TReturn>> {
  const inCase = table.caseId ? eq(table.caseId, key.caseId) : undefined;
  const [row] = (await tx
    .update(table as PgTable)
    .set({ ...set, version: sql`${table.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(table.id, key.id), inCase, eq(table.version, key.version), key.where))
    .returning(returning)) as SelectResultFields<TReturn>[];
  if (!row) throw staleVersion(view, await current());
  return row;
}

/**
 * Removes the row `id` of case `caseId` only if it is still at `version`, the one the person saw: a
 * removal from a stale screen is refused exactly like a stale edit — CONFLICT with `current()` in the
 * `view` schema, or NOT_FOUND (thrown by `current`) when the row is already gone. The row is locked at
 * that version first; `beforeDelete` then runs (e.g. removing a record's files, whose bytes cannot be
 * rolled back, so only once the removal is sure to be allowed). Returns `returning` of the removed row.
 * Every versioned removal goes through here (docs/decisions/0032).
 */
export async function deleteVersioned<
  TTable extends VersionedTable,
  TReturn extends Record<string, PgColumn | SQL | SQL.Aliased>,
  V extends z.ZodType,
>(
  tx: Tx,
  table: TTable,
  key: { caseId: string; id: string; version: number; where?: SQL },
  {
    returning,
    view,
    current,
    beforeDelete,
  }: { returning: TReturn; view: V; current: () => Promise<z.input<V>>; beforeDelete?: () => Promise<unknown> },
): Promise<SelectResultFields<TReturn>> {
  const inCase = table.caseId ? eq(table.caseId, key.caseId) : undefined;
  const atVersion = and(eq(table.id, key.id), inCase, eq(table.version, key.version), key.where);
  const [locked] = await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(atVersion)
    .for("update");
  if (!locked) throw staleVersion(view, await current());
  await beforeDelete?.();
  const [row] = (await tx
    .delete(table as PgTable)
    .where(atVersion)
    .returning(returning)) as SelectResultFields<TReturn>[];
  if (!row) throw staleVersion(view, await current());
  return row;
}
