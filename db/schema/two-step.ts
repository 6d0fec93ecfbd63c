/**
 * Two-step sign-in (server/auth/two-step.ts): an authenticator-app secret per person, their one-time
 * recovery codes, the short-lived challenge between the first factor and the code, and a waiting-period
 * reset for someone who lost both their authenticator and their recovery codes.
 */
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

export const twoStepCredentials = pgTable("two_step_credentials", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The TOTP secret, encrypted with a key derived from AUTH_SECRET (it must be read back, so not hashed). */
  secretEncrypted: text("secret_encrypted").notNull(),
  /** Null while being set up (no code confirmed yet); two-step is on once this is set. */
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The last 30-second step whose code was accepted: a code is never accepted twice. */
  lastUsedStep: integer("last_used_step").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/** Ten per person, shown once; only a SHA-256 of each is kept, and each works once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * The step between a correct first factor and the second: the browser holds a random value in an
 * httpOnly cookie whose hash is here. Short-lived, single use, with a cap on wrong codes.
 */
export const twoStepChallenges = pgTable(
  "two_step_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    challengeHash: text("challenge_hash").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex("two_step_challenges_hash_key").on(t.challengeHash)],
);

/**
 * Lost authenticator and no recovery code: after an emailed link, two-step is turned off when the
 * waiting period ends unless the person cancels (from the email sent at the start) — an intruder who
 * holds the password and the mailbox for a moment cannot switch it off at once.
 */
export const twoStepResets = pgTable(
  "two_step_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cancelTokenHash: text("cancel_token_hash").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().default(sql`now()`),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("two_step_resets_user_idx").on(t.userId), uniqueIndex("two_step_resets_cancel_key").on(t.cancelTokenHash)],
);
