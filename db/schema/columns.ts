/** Column helpers every case-owned table uses, so they stay identical across domains. */
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { cases } from "./cases";

export const caseIdColumn = () =>
  uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" });

/** Who wrote the row; kept (as null) if their account is deleted. */
export const authorColumn = () => uuid("author_id").references(() => users.id, { onDelete: "set null" });

/** Editable rows carry a version: an update names the one it edited (see docs/ARCHITECTURE.md "Versions"). */
export const versionColumn = () => integer("version").notNull().default(1);

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Order within a list (questions, medications…), rewritten as a whole on reorder. */
export const positionColumn = () => integer("position").notNull().default(0);
