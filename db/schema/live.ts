/**
 * Working together live: who is in a case right now (presence) and, per member and section, when
 * they last looked (unread counts). Neither is case data: writing them logs no activity.
 */
import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { caseMembers, cases } from "./cases";

/** One row per person with the case open; a row older than the presence TTL means they have gone. */
export const casePresence = pgTable(
  "case_presence",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A CaseSection; text so a new section needs no migration. */
    section: text("section").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] })],
);

/** When a member last looked at a section: its unread count starts here. */
export const caseSectionSeen = pgTable(
  "case_section_seen",
  {
    memberId: uuid("member_id")
      .notNull()
      .references(() => caseMembers.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.section] })],
);
