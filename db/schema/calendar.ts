/** Private calendar feeds: one per account, reached by a long random token stored only as its hash. */
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    /** One feed per person: making a new link replaces the row, so the old link stops working. */
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token in the feed's address (server/auth/tokens.ts); the token itself is never kept. */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_hash_key").on(t.tokenHash)],
);
