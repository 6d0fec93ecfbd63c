/**
 * The reads side of a case's access log: members' visits to its sections. Changes, downloads and
 * exports are already `activity` rows; `accessLog.list` reads both (docs/decisions/0029).
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { caseIdColumn } from "./columns";

/**
 * One row per member, section and 10-minute window: a visit in a window that already has a row
 * counts into it (an upsert on the unique index), so coalescing holds across app instances.
 * Only ids, a section name and times: never anything the member read.
 */
export const sectionVisits = pgTable(
  "section_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    /** Kept (as null: "a former member") if the account is deleted, like an activity entry's actor. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** A CaseSection; text so a new section needs no migration. */
    section: text("section").notNull(),
    /** The start of the 10-minute window (date_bin on the database's clock). */
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
    visits: integer("visits").notNull().default(1),
  },
  (t) => [
    uniqueIndex("section_visits_window_idx").on(t.caseId, t.userId, t.section, t.windowStart),
    index("section_visits_case_first_idx").on(t.caseId, t.firstAt),
  ],
);

export type SectionVisit = typeof sectionVisits.$inferSelect;
