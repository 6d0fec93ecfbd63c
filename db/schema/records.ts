/** Records to gather for the new clinician, and the files attached to them. */
import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { RECORD_KINDS, RECORD_STATUSES } from "@/lib/record";
import { users } from "./accounts";
import { authorColumn, caseIdColumn, positionColumn, timestamps, versionColumn } from "./columns";

export const recordKind = pgEnum("record_kind", RECORD_KINDS);
export const recordStatus = pgEnum("record_status", RECORD_STATUSES);

export const records = pgTable(
  "records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    title: text("title").notNull(),
    kind: recordKind("kind").notNull(),
    /** Where it comes from: a clinic, a hospital records department, a patient portal. */
    source: text("source").notNull().default(""),
    status: recordStatus("status").notNull().default("needed"),
    neededAt: timestamp("needed_at", { withTimezone: true }).notNull().default(sql`now()`),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    notes: text("notes").notNull().default(""),
    /** Visible only to its author and the owner (records are the patient's own information). */
    private: boolean("private").notNull().default(false),
    position: positionColumn(),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("records_case_status_idx").on(t.caseId, t.status)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A file on a record. The bytes live behind the storage module (server/storage), addressed by `storageKey`. */
export const recordFiles = pgTable(
  "record_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    recordId: uuid("record_id")
      .notNull()
      .references(() => records.id, { onDelete: "cascade" }),
    /** The name as uploaded, cleaned of path separators and control characters. */
    name: text("name").notNull(),
    /** Detected from the file's first bytes, never taken from the browser. */
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("record_files_case_record_idx").on(t.caseId, t.recordId)],
);

/** The PostgreSQL storage backend's bytes; backed up with the rest of the case and deleted with it. */
export const fileBlobs = pgTable(
  "file_blobs",
  {
    key: text("key").primaryKey(),
    caseId: caseIdColumn(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("file_blobs_case_idx").on(t.caseId)],
);

export type RecordItem = typeof records.$inferSelect;
export type RecordFile = typeof recordFiles.$inferSelect;
