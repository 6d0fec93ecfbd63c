/**
 * The backup file: a plain tar (POSIX ustar) holding two entries, the database's own dump (`payload`)
 * and `manifest.json` (when, which database, schema version, the payload's SHA-256). A standard tar, so an
 * operator without SecondLook can still `tar xf` it and run `pg_restore` by hand (README "Operating it").
 *
 * The payload comes first: it is streamed into the file while it is hashed, and its header is written
 * afterwards, once its size is known; the manifest, which needs the hash, follows it. The file is written
 * as `<name>.partial` and renamed only when complete and flushed to disk, so a failed or interrupted
 * backup never leaves a file that looks like a backup.
 */
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";
import { z } from "zod";

const BLOCK = 512;
const MANIFEST_NAME = "manifest.json";
const MAX_MANIFEST_BYTES = 64 * 1024;

export const BACKUP_FORMAT = "secondlook-backup";

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.enum(["postgres", "pglite"]),
  /** The last migration applied to the database when it was backed up (db/migrations/meta/_journal.json). */
  schemaVersion: z.object({ tag: z.string(), createdAt: z.number().int() }),
  /** What made the payload, for a person reading the manifest: `pg_dump (PostgreSQL) 15.20`, `PGlite 0.5.16`. */
  tool: z.string(),
  payload: z.object({
    name: z.string(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupManifest = z.infer<typeof ZBackupManifest>;

/** Refusals a person can act on; the CLIs print the message alone, without a stack. */
export class BackupError extends Error {}

// ── tar headers ─────────────────────────────────────────────────────────────────────────────────

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

/** Sizes past 8 GiB do not fit 11 octal digits; GNU tar's base-256 form (read by every tar today) does. */
function writeSize(header: Buffer, size: number) {
  if (size < 8 ** 11) {
    header.write(octal(size, 12), 124, "ascii");
    return;
  }
  header[124] = 0x80;
  let rest = BigInt(size);
  for (let i = 135; i > 124; i--) {
    header[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function readSize(header: Buffer): number {
  if (header[124]! & 0x80) {
    let size = 0n;
    for (let i = 125; i < 136; i++) size = (size << 8n) | BigInt(header[i]!);
    return Number(size);
  }
  return parseInt(header.toString("ascii", 124, 136).replace(/\0.*$/, "").trim() || "0", 8);
}

function checksumOf(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, "utf8");
  header.write(octal(0o644, 8), 100, "ascii");
  header.write(octal(0, 8), 108, "ascii");
  header.write(octal(0, 8), 116, "ascii");
  writeSize(header, size);
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, "ascii");
  header.write("0", 156, "ascii");
  header.write("ustar\0", 257, "ascii");
  header.write("00", 263, "ascii");
  header.write(octal(checksumOf(header), 7) + " ", 148, "ascii");
  return header;
}

function parseHeader(header: Buffer, what: string): { name: string; size: number } {
  if (header.toString("ascii", 257, 262) !== "ustar") throw new BackupError(`This is not a SecondLook backup: ${what} is not a tar entry.`);
  const stored = parseInt(header.toString("ascii", 148, 156).replace(/\0.*$/, "").trim(), 8);
  if (stored !== checksumOf(header)) throw new BackupError(`The backup file is damaged: the header of ${what} does not match its checksum.`);
  return { name: header.toString("utf8", 0, 100).replace(/\0.*$/, ""), size: readSize(header) };
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

// ── writing ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes a backup to `file`: `writePayload` streams the dump through the `write` it is given, then the
 * manifest (completed with the payload's size and hash) is added. Returns the manifest written.
 */
export async function writeBackupFile(
  file: string,
  payloadName: string,
  manifest: Omit<BackupManifest, "format" | "formatVersion" | "payload">,
  writePayload: (write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  // Readable by its owner only: it holds everything people wrote, health information included.
  const handle = await open(partial, "wx", 0o600);
  try {
    const hash = createHash("sha256");
    let position = BLOCK; // the payload's header is written once its size is known
    // Writes run one after another (each awaits the last), so the position is never raced.
    await writePayload(async (chunk) => {
      hash.update(chunk);
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position);
        done += bytesWritten;
        position += bytesWritten;
      }
    });
    const size = position - BLOCK;
    const now = new Date(manifest.createdAt);
    await writeAt(handle, tarHeader(payloadName, size, now), 0);
    const full: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      ...manifest,
      payload: { name: payloadName, bytes: size, sha256: hash.digest("hex") },
    };
    const manifestBytes = Buffer.from(JSON.stringify(full, null, 2) + "\n", "utf8");
    const tail = Buffer.concat([
      Buffer.alloc(padding(size)),
      tarHeader(MANIFEST_NAME, manifestBytes.length, now),
      manifestBytes,
      Buffer.alloc(padding(manifestBytes.length)),
      Buffer.alloc(2 * BLOCK), // end of archive
    ]);
    await writeAt(handle, tail, position);
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return full;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeAt(handle: FileHandle, bytes: Buffer, position: number) {
  let done = 0;
  while (done < bytes.length) done += (await handle.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** The payload's bytes, read again from the file (already checked against the manifest). */
  payload(): Readable;
}

async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

const TRUNCATED = "The backup file is incomplete: it ends before its manifest, so it was cut short while being written or copied. Use another backup.";

/**
 * Opens a backup and checks it all before anything is restored: the tar structure, the manifest, and
 * the payload's size and SHA-256. Throws a BackupError saying what is wrong otherwise.
 */
export async function readBackupFile(file: string): Promise<VerifiedBackup> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(error.code === "ENOENT" ? `There is no backup file at ${file}.` : `The backup file ${file} cannot be read (${error.code}).`);
  });
  try {
    const { size: fileSize } = await handle.stat();
    const first = await readAt(handle, BLOCK, 0);
    if (first.length < BLOCK) throw new BackupError(`This is not a SecondLook backup: ${file} is too short to hold one.`);
    const payload = parseHeader(first, "the database dump");
    const payloadStart = BLOCK;
    const manifestHeaderAt = payloadStart + payload.size + padding(payload.size);
    if (manifestHeaderAt + BLOCK > fileSize) throw new BackupError(TRUNCATED);
    const entry = parseHeader(await readAt(handle, BLOCK, manifestHeaderAt), "the manifest");
    if (entry.name !== MANIFEST_NAME || entry.size > MAX_MANIFEST_BYTES) throw new BackupError(`This is not a SecondLook backup: its second entry is not ${MANIFEST_NAME}.`);
    const manifestBytes = await readAt(handle, entry.size, manifestHeaderAt + BLOCK);
    if (manifestBytes.length < entry.size) throw new BackupError(TRUNCATED);
    let manifest: BackupManifest;
    try {
      manifest = ZBackupManifest.parse(JSON.parse(manifestBytes.toString("utf8")));
    } catch {
      throw new BackupError("The backup's manifest is damaged or from an unknown version of SecondLook; nothing was restored.");
    }
    if (manifest.payload.name !== payload.name || manifest.payload.bytes !== payload.size) {
      throw new BackupError("The backup file is damaged: its manifest does not describe the dump it holds.");
    }
    const range = { start: payloadStart, end: payloadStart + payload.size - 1 };
    const hash = createHash("sha256");
    if (payload.size > 0) for await (const chunk of createReadStream(file, range)) hash.update(chunk as Buffer);
    if (hash.digest("hex") !== manifest.payload.sha256) {
      throw new BackupError("The backup file is damaged: its contents do not match the SHA-256 checksum in its manifest. Nothing was restored; use another backup.");
    }
    return { manifest, payload: () => createReadStream(file, range) };
  } finally {
    await handle.close();
  }
}
