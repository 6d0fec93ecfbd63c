/**
 * Where the bytes of uploaded files live, behind one interface. The default backend keeps them in
 * PostgreSQL (`file_blobs`), so they are backed up with the rest of the case and deleted with it.
 *
 * Keys are random UUIDs chosen by the caller (never derived from a file name), and the
 * `record_files` row names its bytes by that key. `tx` lets a backend that lives in the database
 * take part in the caller's transaction: the PostgreSQL backend writes the file row and the bytes
 * together, so an upload that fails at any step leaves neither.
 *
 * An S3-compatible backend would implement the same interface and ignore `tx`:
 * - `put` uploads the object (PutObject, under `cases/<caseId>/<key>`) *before* the file row
 *   commits. If the transaction then rolls back, the object is an orphan: a periodic sweep deletes
 *   objects with no `record_files.storage_key` that are older than an hour (older than any upload
 *   still in flight), so orphans never outlive a failed upload for long.
 * - `get` reads the object (GetObject), or null when it is missing.
 * - `delete` must not lose bytes whose row survives a rolled-back transaction: it either queues the
 *   key in the caller's transaction and deletes the object after commit, or leaves the object to
 *   the orphan sweep (the row is gone once the transaction commits).
 * The bucket stays private; downloads still go through the authorized route, never a public URL.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { fileBlobs } from "@/db/schema";

export interface FileStorage {
  /** Stores `bytes` under a new `key`; the case id lets a backend group and clean up by case. */
  put(input: { key: string; caseId: string; bytes: Buffer }, tx?: Tx): Promise<void>;
  /** The bytes stored under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes under `key`; removing a missing key is not an error. */
  delete(key: string, tx?: Tx): Promise<void>;
}

/**
 * The PostgreSQL backend: one `file_blobs` row per file. The bytes travel as hex text, converted by
 * the server (`decode` / `encode`): both drivers send bytea parameters as hex text anyway, and
 * PGlite's own bytea conversion is about ten times slower (a 25 MB file took over 20 s to store).
 */
export function createPostgresStorage(db: Db): FileStorage {
  return {
    async put({ key, caseId, bytes }, tx) {
      await (tx ?? db).insert(fileBlobs).values({ key, caseId, bytes: sql`decode(${bytes.toString("hex")}, 'hex')` });
    },
    async get(key) {
      const [row] = await db
        .select({ hex: sql<string>`encode(${fileBlobs.bytes}, 'hex')` })
        .from(fileBlobs)
        .where(eq(fileBlobs.key, key));
      return row ? Buffer.from(row.hex, "hex") : null;
    },
    async delete(key, tx) {
      await (tx ?? db).delete(fileBlobs).where(eq(fileBlobs.key, key));
    },
  };
}

/** The storage the app uses. Only the PostgreSQL backend exists today; an S3 one would be chosen here from the configuration. */
export function defaultStorage(db: Db): FileStorage {
  return createPostgresStorage(db);
}
