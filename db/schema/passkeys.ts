/**
 * Passkeys (WebAuthn credentials) and the one-time challenges their ceremonies answer.
 * Touch this file when what is kept about a passkey changes; the ceremonies are in server/auth/passkeys.ts.
 */
import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * One passkey of one person. Only the public key is kept: the private key never leaves the person's
 * device or password manager. Binary values are stored base64url-encoded, as WebAuthn's JSON carries them.
 */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The authenticator's credential id (base64url); unique across all accounts. */
    credentialId: text("credential_id").notNull(),
    /** The COSE public key (base64url) that checks this passkey's signatures. */
    publicKey: text("public_key").notNull(),
    /** The signature counter last seen; a counter that goes backwards suggests a cloned key. Up to 2³²−1. */
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    /** How the browser can reach the authenticator ("internal", "hybrid", "usb"…), as it reported them. */
    transports: text("transports").array().notNull().default([]),
    /** Whether the passkey may be synced between devices (e.g. a password manager), and whether it is. */
    multiDevice: boolean("multi_device").notNull().default(false),
    backedUp: boolean("backed_up").notNull().default(false),
    /** The name the person gave it ("My phone"). */
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("passkeys_credential_id_key").on(t.credentialId), index("passkeys_user_idx").on(t.userId)],
);

/** What a challenge was issued for: adding a passkey, signing in with one, or confirming it's you. */
export const webauthnPurpose = pgEnum("webauthn_purpose", ["register", "sign-in", "confirm"]);

/**
 * A challenge handed to the browser for one ceremony. It is claimed (deleted) by the answer that
 * quotes it, so it works once, and only until it expires. `userId` is null for signing in, where no
 * one is known yet.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    challenge: text("challenge").notNull(),
    purpose: webauthnPurpose("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("webauthn_challenges_challenge_key").on(t.challenge), index("webauthn_challenges_expires_idx").on(t.expiresAt)],
);

export type Passkey = typeof passkeys.$inferSelect;
export type NewPasskey = typeof passkeys.$inferInsert;
