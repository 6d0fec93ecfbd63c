/** Shared notes: plain text with light (markdown) formatting, optionally tied to a visit, optionally private. */
import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { opinions } from "./opinions";
import { authorColumn, caseIdColumn, timestamps, versionColumn } from "./columns";

export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    body: text("body").notNull(),
    /** The opinion/visit it was taken for; deleting the opinion keeps the note, untied. */
    opinionId: uuid("opinion_id").references(() => opinions.id, { onDelete: "set null" }),
    /** Only the author sees a private note, not even the owner. */
    private: boolean("private").notNull().default(false),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("notes_case_created_idx").on(t.caseId, t.createdAt)],
);

export type Note = typeof notes.$inferSelect;
