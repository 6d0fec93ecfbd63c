/**
 * Deleting an account: owned cases go (with their files), memberships elsewhere end with a "left"
 * entry, sessions end, and the real credentials check refuses the person afterwards.
 */
import { and, count, eq } from "drizzle-orm";
import { messageRef } from "@/lib/i18n/message-ref";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { activity, authSessions, caseMembers, cases, fileBlobs, notes, records, users } from "@/db/schema";
import { verifyCredentials } from "@/server/auth/credentials";
import { uploadRecordFile } from "@/server/files/record-files";
import { callerFor } from "../support/callers";
import { captureLog } from "../support/captured-log";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

async function seeded() {
  const db = database.db;
  const leaving = await createUser(db, { name: "Lea Leaving" });
  const friend = await createUser(db, { name: "Fran Friend" });
  const own = await createCase(db, leaving.id, { title: "Knee decision" });
  await addMember(db, own.id, friend.id, "supporter");
  const solo = await createCase(db, leaving.id, { title: "Old case" });
  const friends = await createCase(db, friend.id, { title: "Fran's case" });
  await addMember(db, friends.id, leaving.id, "supporter");
  const [record] = await db.insert(records).values({ caseId: own.id, title: "MRI", kind: "imaging_report", authorId: leaving.id }).returning({ id: records.id });
  await uploadRecordFile({
    db,
    userId: leaving.id,
    caseId: own.id,
    recordId: record!.id,
    fileName: "mri.txt",
    body: (async function* () {
      yield new TextEncoder().encode("MRI text");
    })(),
  });
  await db.insert(notes).values({ caseId: friends.id, body: "A note Lea wrote for Fran", authorId: leaving.id });
  return { leaving, friend, ownId: own.id, soloId: solo.id, friendsCaseId: friends.id };
}

describe("account deletion", () => {
  it("warns first: the cases the person owns, with how many others are in each", async () => {
    const f = await seeded();
    const me = await callerFor(database.db, f.leaving);
    const preview = await me.account.deletionPreview();
    expect(preview.ownedCases).toEqual([
      { id: f.ownId, title: "Knee decision", otherMembers: 1 },
      { id: f.soloId, title: "Old case", otherMembers: 0 },
    ]);
  });

  it("refuses a wrong password and deletes nothing", async () => {
    const f = await seeded();
    const me = await callerFor(database.db, f.leaving);
    await expect(me.account.delete({ password: "not my password at all" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("account.errors.wrongPasswordNothingDeleted"),
    });
    expect(await database.db.select({ id: users.id }).from(users).where(eq(users.id, f.leaving.id))).toHaveLength(1);
    expect(await database.db.select({ id: cases.id }).from(cases).where(eq(cases.id, f.ownId))).toHaveLength(1);
  });

  it("deletes owned cases and their files, ends memberships with a 'left' entry, ends sessions, and the person cannot sign in again", async () => {
    const f = await seeded();
    const db = database.db;
    const me = await callerFor(db, f.leaving);
    const friend = await callerFor(db, f.friend);
    const log = captureLog();
    expect(await me.account.delete({ password: f.leaving.password })).toEqual({ deletedCases: 2, leftCases: 1 });

    // Owned cases, with everything in them, are gone; the friend no longer sees the shared one.
    expect(await db.select({ id: cases.id }).from(cases).where(eq(cases.id, f.ownId))).toEqual([]);
    expect(await db.select({ id: cases.id }).from(cases).where(eq(cases.id, f.soloId))).toEqual([]);
    expect((await db.select({ n: count() }).from(fileBlobs).where(eq(fileBlobs.caseId, f.ownId)))[0]!.n).toBe(0);
    await expect(friend.case.get({ caseId: f.ownId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The membership in the friend's case ended, with a "left" entry; what they wrote stays, unattributed.
    expect(await db.select({ id: caseMembers.id }).from(caseMembers).where(eq(caseMembers.userId, f.leaving.id))).toEqual([]);
    const left = await db
      .select({ summary: activity.summary, actorId: activity.actorId })
      .from(activity)
      .where(and(eq(activity.caseId, f.friendsCaseId), eq(activity.action, "member.left")));
    expect(left).toEqual([{ summary: messageRef("account.activity.leftAccountDeleted", { name: "Lea Leaving" }), actorId: null }]);
    expect(await db.select({ authorId: notes.authorId }).from(notes).where(eq(notes.caseId, f.friendsCaseId))).toEqual([{ authorId: null }]);
    expect((await friend.member.list({ caseId: f.friendsCaseId })).map((m) => m.name)).toEqual(["Fran Friend"]);

    // Sessions ended, the account is gone, and the real credentials check refuses the person.
    expect(await db.select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.userId, f.leaving.id))).toEqual([]);
    await expect(me.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await verifyCredentials(db, { email: f.leaving.email, password: f.leaving.password }, "127.0.0.1")).toEqual({ ok: false, reason: "invalid" });

    // The server log keeps the facts, without names or titles.
    const lines = log.entries();
    log.stop();
    expect(lines.filter((l) => l.event === "case.deleted").map((l) => l.caseId).sort()).toEqual([f.ownId, f.soloId].sort());
    expect(lines.find((l) => l.event === "account.deleted")).toMatchObject({ userId: f.leaving.id, deletedCases: 2, leftCases: 1 });
    expect(JSON.stringify(lines)).not.toMatch(/Knee decision|Lea Leaving|MRI/);
  });

  it("deleting a case from its settings is written to the server log too", async () => {
    const f = await seeded();
    const me = await callerFor(database.db, f.leaving);
    const log = captureLog();
    await me.case.delete({ caseId: f.soloId, confirmTitle: "Old case" });
    const lines = log.entries();
    log.stop();
    expect(lines).toEqual([expect.objectContaining({ event: "case.deleted", caseId: f.soloId, userId: f.leaving.id })]);
  });
});
