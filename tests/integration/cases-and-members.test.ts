import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { activity, caseMembers, cases, invitations } from "@/db/schema";
import { createAuthSession } from "@/server/auth/sessions";
import { createLogMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { newAccessChecks } from "@/server/access";

let database: TestDatabase;
/** Every statement run on the test database, for the tests that count round trips. */
const statements: string[] = [];
beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => statements.push(query) });
});
afterAll(() => database?.cleanup());

const details = { patientName: "Maria Rossi", title: "Hip replacement", understanding: "Arthritis in the left hip.", decision: "Surgery now or wait", urgent: false };

async function caseWithSupporter() {
  const owner = await createUser(database.db, { name: "Owen Owner" });
  const supporter = await createUser(database.db, { name: "Sue Supporter" });
  const ownerCaller = await callerFor(database.db, owner);
  const { id: caseId } = await ownerCaller.case.create(details);
  const supporterMemberId = await addMember(database.db, caseId, supporter.id, "supporter");
  return { owner, supporter, ownerCaller, supporterCaller: await callerFor(database.db, supporter), caseId, supporterMemberId };
}

describe("cases", () => {
  it("are created with the caller as the only owner, trimmed and recorded in the activity log", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    const { id } = await caller.case.create({ ...details, patientName: "  Maria Rossi  " });
    const viewed = await caller.case.get({ caseId: id });
    expect(viewed).toMatchObject({ patientName: "Maria Rossi", title: "Hip replacement", myRole: "owner", version: 1 });
    expect(viewed.members).toEqual([{ id: expect.any(String), userId: owner.id, name: owner.name, role: "owner" }]);
    expect((await caller.activity.list({ caseId: id })).map((a) => a.action)).toEqual(["case.created"]);
  });

  it("refuse oversized text with a clear error and create nothing", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    await expect(caller.case.create({ ...details, understanding: "x".repeat(5001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.case.list()).toEqual([]);
  });

  it("never overwrite a concurrent edit: the stale save gets CONFLICT with the saved version", async () => {
    const { ownerCaller, caseId } = await caseWithSupporter();
    await ownerCaller.case.update({ caseId, ...details, title: "First save", version: 1 });
    const stale = ownerCaller.case.update({ caseId, ...details, title: "Second tab", version: 1 });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", cause: { current: { title: "First save", version: 2 } } });
    expect((await ownerCaller.case.get({ caseId })).title).toBe("First save");
  });

  it("are archived and unarchived by the owner", async () => {
    const { ownerCaller, caseId } = await caseWithSupporter();
    expect((await ownerCaller.case.setArchived({ caseId, archived: true })).archivedAt).toBeInstanceOf(Date);
    expect((await ownerCaller.case.list()).find((c) => c.id === caseId)?.archivedAt).toBeInstanceOf(Date);
    expect((await ownerCaller.case.setArchived({ caseId, archived: false })).archivedAt).toBeNull();
  });

  it("are deleted with everything in them, only after typing the title", async () => {
    const { ownerCaller, supporterCaller, caseId } = await caseWithSupporter();
    await ownerCaller.invitation.create({ caseId, email: "later@example.test", role: "viewer", message: "" });
    await expect(ownerCaller.case.delete({ caseId, confirmTitle: "hip replacement" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "confirmTitle" },
    });
    await ownerCaller.case.delete({ caseId, confirmTitle: "Hip replacement" });

    for (const table of [caseMembers, invitations, activity] as const) {
      const [row] = await database.db.select({ n: count() }).from(table).where(eq(table.caseId, caseId));
      expect(row?.n).toBe(0);
    }
    expect(await database.db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(0);
    await expect(supporterCaller.case.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("show what is new since my last visit, not counting my own changes", async () => {
    const { ownerCaller, supporterCaller, caseId } = await caseWithSupporter();
    await supporterCaller.case.markSeen({ caseId });
    expect((await supporterCaller.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(0);
    await ownerCaller.case.setArchived({ caseId, archived: true });
    await ownerCaller.case.setArchived({ caseId, archived: false });
    expect((await supporterCaller.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(2);
    expect((await ownerCaller.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(0);
    await supporterCaller.case.markSeen({ caseId });
    expect((await supporterCaller.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(0);
  });

  it("are not marked seen by reading them: the overview's visit is its own mutation, sent by the browser", async () => {
    const { ownerCaller, supporterCaller, caseId } = await caseWithSupporter();
    await supporterCaller.case.markSeen({ caseId });
    const firstVisit = (await supporterCaller.case.get({ caseId })).myLastSeenAt;
    expect(firstVisit).toBeInstanceOf(Date);
    await ownerCaller.case.setArchived({ caseId, archived: true });

    // Everything the overview reads, twice (a render and a refresh): still one new entry, and the feed
    // is marked from the same last visit.
    for (let i = 0; i < 2; i++) {
      const [viewed] = await Promise.all([supporterCaller.case.get({ caseId }), supporterCaller.activity.list({ caseId, limit: 20 })]);
      expect(viewed.myLastSeenAt).toEqual(firstVisit);
    }
    expect((await supporterCaller.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(1);

    await supporterCaller.case.markSeen({ caseId });
    expect((await supporterCaller.case.get({ caseId })).myLastSeenAt!.getTime()).toBeGreaterThan(firstVisit!.getTime());
    expect((await supporterCaller.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(0);
  });
});

describe("members", () => {
  it("ownership moves to another member; the old owner stays as a supporter and there is always one owner", async () => {
    const { owner, ownerCaller, supporterCaller, caseId, supporterMemberId } = await caseWithSupporter();
    await ownerCaller.case.transferOwnership({ caseId, memberId: supporterMemberId });
    expect((await supporterCaller.case.get({ caseId })).myRole).toBe("owner");
    expect((await ownerCaller.case.get({ caseId })).myRole).toBe("supporter");
    await expect(ownerCaller.member.remove({ caseId, memberId: supporterMemberId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owners = await database.db
      .select({ n: count() })
      .from(caseMembers)
      .where(sql`${caseMembers.caseId} = ${caseId} and ${caseMembers.role} = 'owner'`);
    expect(owners[0]?.n).toBe(1);
    // The database itself refuses a second owner.
    await expect(
      database.db.update(caseMembers).set({ role: "owner" }).where(sql`${caseMembers.caseId} = ${caseId} and ${caseMembers.userId} = ${owner.id}`),
    ).rejects.toThrow();
  });

  it("a removed member is refused like an outsider and the case leaves their dashboard", async () => {
    const { ownerCaller, supporterCaller, caseId, supporterMemberId } = await caseWithSupporter();
    await ownerCaller.member.remove({ caseId, memberId: supporterMemberId });
    await expect(supporterCaller.case.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await supporterCaller.case.list()).map((c) => c.id)).not.toContain(caseId);
  });

  it("after the access end date the member is refused like an outsider, and the case leaves their dashboard", async () => {
    const { ownerCaller, supporterCaller, caseId, supporterMemberId } = await caseWithSupporter();
    await expect(
      ownerCaller.member.setAccessEnd({ caseId, memberId: supporterMemberId, accessEndsAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await ownerCaller.member.setAccessEnd({ caseId, memberId: supporterMemberId, accessEndsAt: new Date(Date.now() + 86_400_000) });
    expect((await supporterCaller.case.get({ caseId })).myRole).toBe("supporter");

    // Time passes.
    await database.db.update(caseMembers).set({ accessEndsAt: new Date(Date.now() - 1000) }).where(eq(caseMembers.id, supporterMemberId));
    await expect(supporterCaller.case.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supporterCaller.activity.list({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await supporterCaller.case.list()).map((c) => c.id)).not.toContain(caseId);
    expect((await ownerCaller.member.list({ caseId })).find((m) => m.id === supporterMemberId)?.accessEndsAt).toBeInstanceOf(Date);
  });

  it("a supporter can leave; the owner must hand over ownership first", async () => {
    const { ownerCaller, supporterCaller, caseId } = await caseWithSupporter();
    await expect(ownerCaller.member.leave({ caseId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await supporterCaller.member.leave({ caseId });
    await expect(supporterCaller.case.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await ownerCaller.member.list({ caseId })).map((m) => m.name)).toEqual(["Owen Owner"]);
  });

  it("the owner changes roles, and a member's email is shown only to the owner and to themself", async () => {
    const { ownerCaller, supporterCaller, caseId, supporterMemberId, owner } = await caseWithSupporter();
    await ownerCaller.member.changeRole({ caseId, memberId: supporterMemberId, role: "viewer" });
    expect((await supporterCaller.case.get({ caseId })).myRole).toBe("viewer");
    const seenBySupporter = await supporterCaller.member.list({ caseId });
    expect(seenBySupporter.find((m) => m.userId === owner.id)?.email).toBeNull();
    expect(seenBySupporter.find((m) => m.isMe)?.email).not.toBeNull();
  });

  it("ids from another case are not found in this one, and that case is untouched", async () => {
    const a = await caseWithSupporter();
    const b = await caseWithSupporter();
    for (const refused of [
      a.ownerCaller.member.remove({ caseId: a.caseId, memberId: b.supporterMemberId }),
      a.ownerCaller.member.changeRole({ caseId: a.caseId, memberId: b.supporterMemberId, role: "viewer" }),
      a.ownerCaller.member.setAccessEnd({ caseId: a.caseId, memberId: b.supporterMemberId, accessEndsAt: null }),
      a.ownerCaller.case.transferOwnership({ caseId: a.caseId, memberId: b.supporterMemberId }),
    ]) {
      await expect(refused).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await b.supporterCaller.case.get({ caseId: b.caseId })).myRole).toBe("supporter");
  });

  it("the owner cannot aim owner actions at themself or hand ownership to someone whose access ended", async () => {
    const owner = await createUser(database.db);
    const lapsed = await createUser(database.db);
    const ownerCaller = await callerFor(database.db, owner);
    const { id: caseId } = await ownerCaller.case.create(details);
    const lapsedMemberId = await addMember(database.db, caseId, lapsed.id, "supporter");
    await database.db.update(caseMembers).set({ accessEndsAt: new Date(Date.now() - 1000) }).where(eq(caseMembers.id, lapsedMemberId));
    const [me] = await database.db.select({ id: caseMembers.id }).from(caseMembers).where(eq(caseMembers.userId, owner.id));

    // In the case, so not NOT_FOUND: a rule about whom these actions may name.
    await expect(ownerCaller.member.remove({ caseId, memberId: me!.id })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "memberId" } });
    await expect(ownerCaller.case.transferOwnership({ caseId, memberId: me!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(ownerCaller.case.transferOwnership({ caseId, memberId: lapsedMemberId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "memberId" },
    });
    expect((await ownerCaller.case.get({ caseId })).myRole).toBe("owner");
  });
});

describe("access checks remembered within one request", () => {
  async function requestCallerFor(user: { id: string; name: string; email: string }) {
    const session = { user, sessionId: await createAuthSession(database.db, user.id) };
    const ctx = createContextInner({ db: database.db, session, mailer: createLogMailer(() => {}), accessChecks: newAccessChecks(session) });
    return { caller: createCaller(ctx), ctx };
  }

  it("runs each check once even when several calls wait on it together", async () => {
    const owner = await createUser(database.db);
    const { id: caseId } = await createCase(database.db, owner.id);
    const { caller } = await requestCallerFor(owner);
    const userChecks = () => statements.filter((q) => /^select "id" from "users"/.test(q)).length;
    const memberChecks = () => statements.filter((q) => /^select "case_members"."id", "case_members"."role"/.test(q)).length;
    const writes = () => statements.filter((q) => /^(insert|update|delete)\b/i.test(q)).length;
    // What the overview page reads, together, in one request.
    const overviewReads = () =>
      Promise.all([caller.case.get({ caseId }), caller.activity.feed({ caseId }), caller.checklist.get({ caseId }), caller.task.overview({ caseId })]);

    const [users0, members0, writes0, all0] = [userChecks(), memberChecks(), writes(), statements.length];
    await overviewReads();
    // Membership, the case and its members, the checklist (its counts and its ticks), the feed, and "For you" / "Coming up" (tasks, next visit).
    expect(statements.length - all0).toBe(8);
    // The session lookup already proved the user exists; membership is read once for four calls. The
    // overview no longer records the visit while rendering (the browser sends case.markSeen once the
    // page is on screen), so its request writes nothing.
    expect([userChecks() - users0, memberChecks() - members0, writes() - writes0]).toEqual([0, 1, 0]);

    // A mutation in the same request — as when the browser batches the visit with the section's
    // "seen" mark — checks both afresh, for it…
    await caller.case.markSeen({ caseId });
    await overviewReads(); // …and once more after it, shared by the four calls
    expect([userChecks() - users0, memberChecks() - members0]).toEqual([2, 3]);
  });

  it("checks membership once for several queries, and afresh after any mutation", async () => {
    const owner = await createUser(database.db);
    const supporter = await createUser(database.db);
    const { id: caseId } = await createCase(database.db, owner.id);
    await addMember(database.db, caseId, supporter.id, "supporter");
    const { caller, ctx } = await requestCallerFor(supporter);

    await caller.question.list({ caseId });
    await caller.note.list({ caseId });
    expect([...ctx.accessChecks!.keys()].sort()).toEqual([`member:${caseId}:${supporter.id}`, `user:${supporter.id}`]);

    await caller.member.leave({ caseId });
    await expect(caller.question.list({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a role changed by a mutation in the same request is seen by the next call", async () => {
    const owner = await createUser(database.db);
    const supporter = await createUser(database.db);
    const { id: caseId } = await createCase(database.db, owner.id);
    const memberId = await addMember(database.db, caseId, supporter.id, "supporter");
    const { caller } = await requestCallerFor(owner);
    await caller.invitation.list({ caseId }); // owner-only, remembered
    await caller.case.transferOwnership({ caseId, memberId });
    await expect(caller.invitation.list({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
