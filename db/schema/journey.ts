/** The guided journey: the case's self-check answers and the checklist items ticked by hand. */
import { pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { MANUAL_CHECKLIST_ITEMS } from "@/lib/checklist";
import { SELF_CHECK_SITUATIONS, TIMING_CAUTIONS } from "@/lib/self-check";
import { users } from "./accounts";
import { caseIdColumn, timestamps, versionColumn } from "./columns";

export const selfCheckSituation = pgEnum("self_check_situation", SELF_CHECK_SITUATIONS);
export const timingCaution = pgEnum("timing_caution", TIMING_CAUTIONS);
export const manualChecklistItem = pgEnum("manual_checklist_item", MANUAL_CHECKLIST_ITEMS);

/** One per case. The first save names version 0 (no row yet), later saves the version edited. */
export const selfChecks = pgTable(
  "self_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    situations: selfCheckSituation("situations").array().notNull().default([]),
    cautions: timingCaution("cautions").array().notNull().default([]),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("self_checks_case_key").on(t.caseId)],
);

/** A row means "ticked", with who ticked it and when; unticking deletes the row. */
export const checklistTicks = pgTable(
  "checklist_ticks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    item: manualChecklistItem("item").notNull(),
    tickedBy: uuid("ticked_by").references(() => users.id, { onDelete: "set null" }),
    tickedAt: timestamp("ticked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("checklist_ticks_case_item_key").on(t.caseId, t.item)],
);
