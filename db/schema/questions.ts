/** Questions to ask the clinicians: from the guide's bank or the person's own. */
import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { opinions } from "./opinions";
import { authorColumn, caseIdColumn, positionColumn, timestamps, versionColumn } from "./columns";

export const questions = pgTable(
  "questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    text: text("text").notNull(),
    /** Set when the question came from the bank, so the bank can show it as added. */
    bankKey: text("bank_key"),
    pinned: boolean("pinned").notNull().default(false),
    position: positionColumn(),
    /** The opinion/visit it is meant for; deleting the opinion keeps the question, untied. */
    opinionId: uuid("opinion_id").references(() => opinions.id, { onDelete: "set null" }),
    askedAt: timestamp("asked_at", { withTimezone: true }),
    answer: text("answer"),
    answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("questions_case_position_idx").on(t.caseId, t.position)],
);

export type Question = typeof questions.$inferSelect;
