/** The activity log of each case: every change and every file download, who and when. */
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACTIVITY_VISIBILITIES } from "@/lib/activity";
import { users } from "./accounts";
import { cases } from "./cases";

/** Who may see an entry: private notes and records must not show up, even as "added a note", for others. */
export const activityVisibility = pgEnum("activity_visibility", ACTIVITY_VISIBILITIES);

export const activity = pgTable(
  "activity",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    summary: text("summary").notNull(),
    visibility: activityVisibility("visibility").notNull().default("members"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activity_case_created_idx").on(t.caseId, t.createdAt)],
);

export type Activity = typeof activity.$inferSelect;
