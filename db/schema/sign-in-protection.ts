/**
 * What protects signing in and signing up (issue 15 §4): browsers known to an account (device
 * cookies), per-address and per-account rate limits on emails and sign-ups, and sign-ups waiting for
 * their emailed link. Touch this file to change what those limits remember.
 */
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * A browser that signed in to this account with the right password (server/auth/known-devices.ts).
 * Only the SHA-256 of the browser's device id is kept; the id itself is in its signed cookie.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("known_devices_user_device_key").on(t.userId, t.deviceHash)],
);

/**
 * One row per counted event of a rate limit (server/auth/rate-limit.ts): `bucket` names the limit
 * ("reset-mail:address"), `key` what it is counted for (an address, an account id, an IP).
 */
export const rateLimitEvents = pgTable(
  "rate_limit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_events_bucket_key_idx").on(t.bucket, t.key, t.occurredAt)],
);

/**
 * A sign-up waiting for its emailed link (server/auth/sign-up.ts): the account is created only when
 * the link is opened. The password is kept only as its argon2id hash, the link only as its SHA-256.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** Where to go once the account exists (a path on this site, checked when the form was sent). */
    nextPath: text("next_path"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sign_up_requests_token_hash_key").on(t.tokenHash), index("sign_up_requests_email_idx").on(t.email)],
);
