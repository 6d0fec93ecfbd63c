import "server-only";
import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";

type ColumnsOf<TTable extends PgTable> = TTable["_"]["columns"];

/**
 * The select map for an entity's view (lib/<noun>.ts): every key of the view read from the table's
 * column of the same name. A field added to the table and the view is then selected, returned and
 * checked without touching the router. Keys that are not columns (a joined name) are added by the
 * caller; the type refuses a view key the table lacks unless it is left out first (`.omit`).
 */
export function columnsFor<TTable extends PgTable, TShape extends z.ZodRawShape>(
  table: TTable,
  // Every key of the view must be a column of the table.
  view: z.ZodObject<TShape> & (Exclude<keyof TShape, keyof ColumnsOf<TTable>> extends never ? unknown : never),
): { [K in keyof TShape & keyof ColumnsOf<TTable>]: ColumnsOf<TTable>[K] } {
  const columns = getTableColumns(table) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(view.shape).map((key) => [key, columns[key]])) as {
    [K in keyof TShape & keyof ColumnsOf<TTable>]: ColumnsOf<TTable>[K];
  };
}
