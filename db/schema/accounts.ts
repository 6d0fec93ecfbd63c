/**
 * Accounts: people, their server-side sessions, password-reset tokens and sign-in attempts.
 * Touch this file when an account-level fact changes; case data lives in its own schema files.
 */
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { DEFAULT_CHANNELS, NOTIFICATION_CHANNELS } from "@/lib/vocabulary/notification";

/** How a person wants each kind of notification: its own email, a line in the digest, or none (lib/vocabulary/notification.ts). */
export const notificationChannel = pgEnum("notification_channel", NOTIFICATION_CHANNELS);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Always stored lower-cased and trimmed, so lookups and the unique index agree. */
    email: text("email").notNull(),
    /** Null for an account without a password (it signs in by emailed link or passkey). */
    passwordHash: text("password_hash"),
    /** Per kind of notification, how it reaches them (the account page; lib/vocabulary/notification.ts). */
    notifyAssigned: notificationChannel("notify_assigned").notNull().default(DEFAULT_CHANNELS.assigned),
    notifyDue: notificationChannel("notify_due").notNull().default(DEFAULT_CHANNELS.due),
    notifyVisit: notificationChannel("notify_visit").notNull().default(DEFAULT_CHANNELS.visit),
    notifyNew: notificationChannel("notify_new").notNull().default(DEFAULT_CHANNELS.new),
    /** The hour (0–23, in `timeZone`) of their daily digest; null means the server's DIGEST_HOUR. */
    digestHour: integer("digest_hour"),
    /** Their IANA time zone ("Europe/Madrid"), for the digest hour and the times in reminders; null means UTC. */
    timeZone: text("time_zone"),
    /** When the last digest was claimed for sending; the next one covers what happened since. */
    lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
    /** The language they read SecondLook in (lib/i18n/locales.ts); set at sign-up from the browser, changed on the account page. Emails use it. */
    locale: text("locale", { enum: LOCALES }).notNull().default(DEFAULT_LOCALE),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/**
 * One row per signed-in browser. The JWT carries only this row's id, so deleting the row signs
 * that browser out on its next request (JWTs alone cannot be revoked).
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /**
     * When the person last proved who they are in this browser (signing in, or confirming with a
     * password or another factor). Sensitive actions ask again when this is too old (recent-proof.ts).
     */
    provedAt: timestamp("proved_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The last real interaction in this browser (a page load, a change, the "still here" ping);
     * background traffic (live stream, presence, unread counts) never moves it. The idle limit counts
     * from here (server/auth/sessions.ts). Written at most about once a minute.
     */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** "Keep me signed in on this device": no idle limit, and `expires_at` is days away, not hours. */
    remembered: boolean("remembered").notNull().default(false),
    /** What the browser called itself and the address it signed in from, for the sessions list. */
    userAgent: text("user_agent"),
    ip: text("ip"),
    /**
     * A rough place ("Berlin, Germany", "This network") worked out when the session began, from what a
     * trusted proxy said (server/http/rough-place.ts); null when unknown.
     */
    place: text("place"),
    /**
     * The session this one replaced when the person proved themselves again (ASVS 7.2.4: a new token,
     * the old one dead). Only the live stream opened under the old token follows it (server/auth/sessions.ts).
     */
    rotatedFrom: uuid("rotated_from"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId), index("auth_sessions_rotated_from_idx").on(t.rotatedFrom)],
);

/** Only the SHA-256 of a reset token is stored; the token itself exists only in the email. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_reset_tokens_hash_key").on(t.tokenHash), index("password_reset_tokens_user_idx").on(t.userId)],
);

/** Failed (and in-flight) sign-in attempts, counted per email (and browser) and per IP to throttle guessing. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    /** SHA-256 of the browser's device id (device cookie), when it sent one. */
    deviceHash: text("device_hash"),
    /** The browser had signed in to this account before: its failures are counted apart (throttle.ts). */
    knownDevice: boolean("known_device").notNull().default(false),
    succeeded: boolean("succeeded").notNull().default(false),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.attemptedAt), index("sign_in_attempts_ip_idx").on(t.ip, t.attemptedAt)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** The only user columns that may leave the server. */
export const publicUserColumns = { id: users.id, name: users.name, email: users.email } as const;
