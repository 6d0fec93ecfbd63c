/** Cases (one workspace per health decision) and their members. */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CASE_ROLES } from "@/lib/member";
import { users } from "./accounts";

export const caseRole = pgEnum("case_role", CASE_ROLES);

export const cases = pgTable("cases", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** The patient, who may not be the account holder (a caregiver can manage a case for someone). */
  patientName: text("patient_name").notNull(),
  title: text("title").notNull(),
  understanding: text("understanding").notNull().default(""),
  decision: text("decision").notNull().default(""),
  urgent: boolean("urgent").notNull().default(false),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  /** The owner requires every member to use two-step sign-in to open this case (server/access.ts). */
  requireTwoStep: boolean("require_two_step").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
});

export const caseMembers = pgTable(
  "case_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: caseRole("role").notNull(),
    /** After this moment the member is refused like an outsider. */
    accessEndsAt: timestamp("access_ends_at", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last time they opened the case: "new since your last visit" counts from here. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    /** Last time they opened or changed anything in the case. */
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("case_members_case_user_key").on(t.caseId, t.userId),
    index("case_members_user_idx").on(t.userId),
    // Every case has exactly one owner: the database refuses a second.
    uniqueIndex("case_members_one_owner_key").on(t.caseId).where(sql`${t.role} = 'owner'`),
  ],
);

export type Case = typeof cases.$inferSelect;
export type CaseMember = typeof caseMembers.$inferSelect;
