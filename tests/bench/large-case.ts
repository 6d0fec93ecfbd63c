/**
 * The benchmarks' large case, on a PostgreSQL database made for the run: 200 questions, 500 notes,
 * 60 records each with a file, 3 opinions with a full grid and row marks, 4 members (the owner, two
 * supporters, a viewer), each with a session and its cookie.
 */
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { openDatabase, type Db } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { migrateDatabase } from "@/db/migrate";
import { comparisonCells, comparisonRows, notes, opinions, questions, records } from "@/db/schema";
import { COMPARISON_ASPECTS } from "@/lib/comparison";
import { createAuthSession } from "@/server/auth/sessions";
import { uploadRecordFile } from "@/server/files/record-files";

/** The AUTH_SECRET the benches start the server with, so they can sign session cookies for it. */
export const BENCH_AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";

export const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh database on the server (DATABASE_URL or the local one) and a way to drop it. */
export async function createBenchDatabase(serverUrl = SERVER_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `secondlook_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function minimalPdf(label: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A real session row and the signed next-auth cookie that carries it (for a server run with BENCH_AUTH_SECRET). */
export async function sessionCookie(db: Db, user: { id: string; name: string | null; email: string }): Promise<string> {
  const sessionId = await createAuthSession(db, user.id);
  const token = await encode({
    salt: "authjs.session-token",
    secret: BENCH_AUTH_SECRET,
    token: { sub: user.id, name: user.name, email: user.email, sid: sessionId },
  });
  return `authjs.session-token=${token}`;
}

export type BenchMember = { id: string; name: string; role: "supporter" | "viewer"; cookie: string };

export async function seedLargeCase(url: string) {
  const database = openDatabase({ kind: "postgres", url, maxConnections: 5 });
  await migrateDatabase(database);
  const seeded = await seedLargeCaseIn(database.db);
  await database.close();
  return seeded;
}

/** The large case, in a migrated database of either kind (the backup bench also seeds an embedded one). */
export async function seedLargeCaseIn(db: Db) {
  const owner = await createUser(db, { name: "Bench Owner" });
  const roles = [
    { name: "Supporter A", role: "supporter" },
    { name: "Supporter B", role: "supporter" },
    { name: "Viewer C", role: "viewer" },
  ] as const;
  const others = await Promise.all(roles.map(({ name }) => createUser(db, { name })));
  const { id: caseId } = await createCase(db, owner.id, { title: "A large case" });
  for (const [i, { role }] of roles.entries()) await addMember(db, caseId, others[i]!.id, role);
  await db.insert(questions).values(
    Array.from({ length: 200 }, (_, i) => ({ caseId, text: `Question ${i + 1}: what happens if we wait?`, authorId: owner.id, position: i, pinned: i < 5 })),
  );
  for (let batch = 0; batch < 5; batch++) {
    await db.insert(notes).values(
      Array.from({ length: 100 }, (_, i) => ({ caseId, body: `Note ${batch * 100 + i}: what the clinician said, in a few sentences.`, authorId: owner.id })),
    );
  }
  const recordRows = await db
    .insert(records)
    .values(Array.from({ length: 60 }, (_, i) => ({ caseId, title: `Record ${i + 1}`, kind: "clinic_notes" as const, authorId: owner.id })))
    .returning({ id: records.id });
  for (const [i, record] of recordRows.entries()) {
    await uploadRecordFile({
      db,
      userId: owner.id,
      caseId,
      recordId: record.id,
      fileName: `record-${i + 1}.pdf`,
      body: (async function* () {
        yield minimalPdf(`record ${i}`);
      })(),
    });
  }
  const opinionRows = await db
    .insert(opinions)
    .values(["First opinion", "Second opinion", "Third opinion"].map((label) => ({ caseId, label })))
    .returning({ id: opinions.id });
  await db.insert(comparisonCells).values(
    opinionRows.flatMap((o) => COMPARISON_ASPECTS.map((aspect) => ({ caseId, opinionId: o.id, aspect, text: `What this clinician said about ${aspect}.`, updatedBy: owner.id }))),
  );
  await db.insert(comparisonRows).values(COMPARISON_ASPECTS.map((aspect) => ({ caseId, aspect, mark: "differ" as const, updatedBy: owner.id })));

  const cookieFor = (user: { id: string; name: string | null; email: string }) => sessionCookie(db, user);
  const cookie = await cookieFor(owner);
  const members: BenchMember[] = [];
  for (const [i, { name, role }] of roles.entries()) members.push({ id: others[i]!.id, name, role, cookie: await cookieFor(others[i]!) });
  return { caseId, ownerId: owner.id, cookie, opinionIds: opinionRows.map((o) => o.id), members };
}

/**
 * What grows the workspace bench's database to 10 001 cases: 10 000 other cases (each with an owner)
 * and notes up to 1 000 000 in all, written by SQL in bulk; the backup bench runs the same statements.
 */
export const GROW_TO_10000_CASES = [
  `insert into users (name, email, password_hash)
   select 'Other ' || g, 'other-' || g || '@bench.test', 'x' from generate_series(1, 10000) g`,
  `insert into cases (patient_name, title)
   select 'Patient ' || g, 'Case ' || g from generate_series(1, 10000) g`,
  `insert into case_members (case_id, user_id, role)
   select c.id, u.id, 'owner' from
     (select id, row_number() over (order by id) n from cases where title like 'Case %') c
     join (select id, row_number() over (order by id) n from users where email like 'other-%') u using (n)`,
  `insert into notes (case_id, body, author_id)
   select m.case_id, 'A note of another case ' || g, m.user_id
   from (select case_id, user_id, row_number() over () n from case_members where role = 'owner') m
   join generate_series(1, 100) g on true
   where m.n <= 9995`,
  "analyze",
];
