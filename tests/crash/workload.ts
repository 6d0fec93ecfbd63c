/**
 * The crash tests' stream of writes over HTTP (notes, questions, file uploads), the ledger of what
 * was sent and what was acknowledged, and the check after a crash: every acknowledged write is there
 * in full, and nothing is there that was not sent whole.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import { wireFormat } from "@/lib/wire-format";
import { openDatabase, type DatabaseTarget } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { records } from "@/db/schema";
import { createCase, createUser } from "@/server/database/factories";
import { sessionCookie } from "../bench/large-case";

export type Kind = "note" | "question" | "file";

/** What a write carried: the text of a note or question, the SHA-256 of a file. */
type Sent = { kind: Kind; content: string };

export type Target = { base: string; cookie: string; caseId: string; recordId: string };

/** Everything sent so far, by content, and what the server acknowledged (id → content). */
export class Ledger {
  readonly sent = new Map<string, Sent>();
  readonly acked = new Map<string, Sent>();
  /** Requests answered 503 with a Retry-After header / answered anything else that is not a success. */
  unavailable = 0;
  unavailableWithoutRetryAfter = 0;
  otherFailures: string[] = [];
}

/** A user, a case and a record for the files, written straight to the database before the server starts. */
export async function seedTarget(target: DatabaseTarget, base: string): Promise<Target> {
  const database = openDatabase(target);
  try {
    await migrateDatabase(database);
    const owner = await createUser(database.db, { name: "Crash Owner" });
    const { id: caseId } = await createCase(database.db, owner.id, { title: "A case that survives crashes" });
    const [record] = await database.db
      .insert(records)
      .values({ caseId, title: "Scans", kind: "imaging_report", authorId: owner.id })
      .returning({ id: records.id });
    return { base, caseId, recordId: record!.id, cookie: await sessionCookie(database.db, owner) };
  } finally {
    await database.close();
  }
}

/** Text that shows a cut anywhere: a unique start, filler of random length, and a closing mark. */
function text(tag: string, maxFiller: number): string {
  const words = Array.from({ length: randomInt(1, maxFiller) }, () => randomBytes(4).toString("hex"));
  return `${tag} ${words.join(" ")} end of ${tag}`;
}

function pdf(tag: string): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${tag}\n`), randomBytes(randomInt(1_000, 200_000)), Buffer.from("\n%%EOF\n")]);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function mutation(t: Target, path: string, input: unknown): Promise<Response> {
  return fetch(`${t.base}/api/trpc/${path}`, {
    method: "POST",
    headers: { cookie: t.cookie, origin: t.base, "content-type": "application/json" },
    body: JSON.stringify(wireFormat.serialize(input)),
  });
}

async function query<T>(t: Target, path: string, input: unknown): Promise<T> {
  const response = await fetch(`${t.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize(input)))}`, {
    headers: { cookie: t.cookie },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { result: { data: unknown } };
  return wireFormat.deserialize(body.result.data) as T;
}

/** One write; resolves to the acknowledged id, or null when the server did not acknowledge it. */
export async function writeOnce(t: Target, ledger: Ledger, tag: string, kind: Kind = pickKind()): Promise<string | null> {
  let response: Response;
  let sent: Sent;
  try {
    if (kind === "file") {
      const bytes = pdf(tag);
      sent = { kind, content: sha256(bytes) };
      ledger.sent.set(sent.content, sent);
      response = await fetch(`${t.base}/api/cases/${t.caseId}/records/${t.recordId}/files`, {
        method: "POST",
        headers: { cookie: t.cookie, origin: t.base, "content-type": "application/octet-stream", "x-file-name": `${tag}.pdf` },
        body: new Uint8Array(bytes),
      });
    } else {
      sent = { kind, content: kind === "note" ? text(tag, 2_000) : text(tag, 40) };
      ledger.sent.set(sent.content, sent);
      response = await (kind === "note"
        ? mutation(t, "note.create", { caseId: t.caseId, body: sent.content, opinionId: null, private: false })
        : mutation(t, "question.create", { caseId: t.caseId, text: sent.content }));
    }
  } catch {
    return null; // the connection broke (the server was killed): not acknowledged
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return null; // the answer was cut off: not acknowledged
  }
  if (response.ok) {
    const id = kind === "file" ? (body as { id: string }).id : (wireFormat.deserialize((body as { result: { data: unknown } }).result.data) as { id: string }).id;
    ledger.acked.set(id, sent);
    return id;
  }
  if (response.status === 503) {
    if (response.headers.get("retry-after")) ledger.unavailable++;
    else ledger.unavailableWithoutRetryAfter++;
  } else ledger.otherFailures.push(`${kind}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  return null;
}

function pickKind(): Kind {
  const roll = Math.random();
  return roll < 0.5 ? "note" : roll < 0.8 ? "question" : "file";
}

/** `writers` loops writing one after another until `stop()`; resolves when all have returned. */
export function writeStream(t: Target, ledger: Ledger, prefix: string, writers = 3) {
  let running = true;
  let seq = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (running) {
      const before = ledger.unavailable + ledger.unavailableWithoutRetryAfter;
      await writeOnce(t, ledger, `${prefix}-${++seq}`);
      // A refused request (the database is away): wait a little, as the app's client would.
      if (ledger.unavailable + ledger.unavailableWithoutRetryAfter > before) await new Promise((r) => setTimeout(r, 100));
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

export type CheckResult = { checked: number; lost: string[]; partial: string[] };

/**
 * After a crash: every acknowledged write is present with exactly what was sent, and every note,
 * question and file that exists is one that was sent, whole (a cut text or file would match nothing).
 */
export async function checkLedger(t: Target, ledger: Ledger): Promise<CheckResult> {
  const notes = await query<{ id: string; body: string }[]>(t, "note.list", { caseId: t.caseId, limit: 1000 });
  const questions = await query<{ id: string; text: string }[]>(t, "question.list", { caseId: t.caseId });
  const files = await query<{ id: string; sha256: string; downloadPath: string }[]>(t, "file.list", { caseId: t.caseId, recordId: t.recordId });
  const present = new Map<string, Sent>();
  const partial: string[] = [];
  for (const n of notes) present.set(n.id, { kind: "note", content: n.body });
  for (const q of questions) present.set(q.id, { kind: "question", content: q.text });
  for (const f of files) {
    const response = await fetch(`${t.base}${f.downloadPath}`, { headers: { cookie: t.cookie } });
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = sha256(bytes);
    if (!response.ok || digest !== f.sha256) partial.push(`file ${f.id}: ${response.status}, ${bytes.length} bytes, stored digest ${f.sha256}, read ${digest}`);
    present.set(f.id, { kind: "file", content: digest });
  }
  for (const [id, item] of present) {
    const sent = ledger.sent.get(item.content);
    if (!sent || sent.kind !== item.kind) partial.push(`${item.kind} ${id} matches nothing sent: ${item.content.slice(0, 80)}…(${item.content.length} chars)`);
  }
  const lost: string[] = [];
  for (const [id, sent] of ledger.acked) {
    const found = present.get(id);
    if (!found || found.content !== sent.content || found.kind !== sent.kind) lost.push(`${sent.kind} ${id}${found ? " (changed)" : ""}`);
  }
  if (notes.length >= 1000) throw new Error("note.list is capped at 1000: size the run smaller");
  return { checked: ledger.acked.size, lost, partial };
}
