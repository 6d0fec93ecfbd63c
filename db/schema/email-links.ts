/**
 * Emailed one-time links for signing in, confirming it's you, and starting a two-step reset
 * (server/auth/email-links.ts). Only a SHA-256 of each link's token is kept, and a link asked for in a
 * browser also keeps the hash of a random value left in that browser's cookie, so it works only there.
 */
import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authSessions, users } from "./accounts";

export const emailLinkPurpose = pgEnum("email_link_purpose", ["sign_in", "confirm", "two_step_reset"]);

export const emailLinks = pgTable(
  "email_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: emailLinkPurpose("purpose").notNull(),
    /** Null when the address has no account: the request is still counted (throttling), nothing is sent. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** As typed (lower-cased), for throttling per address. */
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** SHA-256 of the random value in the asking browser's cookie; null when not bound to a browser. */
    browserHash: text("browser_hash"),
    /** For "confirm it's you": the session the proof is for. */
    sessionId: uuid("session_id").references(() => authSessions.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex("email_links_token_hash_key").on(t.tokenHash),
    index("email_links_email_idx").on(t.email, t.createdAt),
    index("email_links_ip_idx").on(t.ip, t.createdAt),
    index("email_links_user_idx").on(t.userId),
  ],
);
