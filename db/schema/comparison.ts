/** The comparison grid: one cell per aspect and opinion, and a mark per aspect row. */
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { COMPARISON_ASPECTS, ROW_MARKS } from "@/lib/comparison";
import { users } from "./accounts";
import { caseIdColumn, versionColumn } from "./columns";
import { opinions } from "./opinions";

export const comparisonAspect = pgEnum("comparison_aspect", COMPARISON_ASPECTS);
export const rowMark = pgEnum("row_mark", ROW_MARKS);

export const comparisonCells = pgTable(
  "comparison_cells",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    opinionId: uuid("opinion_id")
      .notNull()
      .references(() => opinions.id, { onDelete: "cascade" }),
    aspect: comparisonAspect("aspect").notNull(),
    text: text("text").notNull().default(""),
    /** A cell nobody has written yet has no row: its first save names version 0 (see comparison router). */
    version: versionColumn(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("comparison_cells_opinion_aspect_key").on(t.opinionId, t.aspect),
    index("comparison_cells_case_idx").on(t.caseId),
  ],
);

export const comparisonRows = pgTable(
  "comparison_rows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    aspect: comparisonAspect("aspect").notNull(),
    mark: rowMark("mark"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("comparison_rows_case_aspect_key").on(t.caseId, t.aspect)],
);
