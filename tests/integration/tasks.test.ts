/**
 * Tasks between the people in a case (issue 17 §1): who may do what, versions, who did it, the
 * activity they leave, what is new, the overview's "For you" and "Coming up", and the suggested tasks
 * — with the clock moved by the test (vi.setSystemTime), never waited for.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { tasks, users } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import { createUser } from "@/server/database/factories";
import { readCaseExport } from "@/server/export/case-export";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());
afterEach(() => {
  vi.useRealTimers();
});

const setup = () => caseWithMembers(database.db);
const DAY = 24 * 60 * 60 * 1000;

const TASK = { title: "Call the insurer", note: "Ask about pre-approval.", assigneeId: null, dueOn: null, link: null };

async function ownerIdOf(caseId: string, caller: Awaited<ReturnType<typeof setup>>["owner"]) {
  const me = (await caller.member.list({ caseId })).find((m) => m.role === "owner");
  return me!.userId;
}

describe("tasks", () => {
  it("the owner assigns a task to the supporter; the supporter completes it; everyone sees who did it and when", async () => {
    const { caseId, owner, supporter, viewer, supporterId } = await setup();
    const task = await owner.task.create({ caseId, ...TASK, assigneeId: supporterId, dueOn: "2026-12-03" });
    expect(task).toMatchObject({ title: "Call the insurer", assigneeName: "Sid Supporter", dueOn: "2026-12-03", status: "open", version: 1, completedById: null });

    expect((await supporter.task.overview({ caseId })).forYou.map((t) => t.id)).toEqual([task.id]);
    expect((await owner.task.overview({ caseId })).forYou).toEqual([]);
    // The owner sees the supporter's dated task under "Coming up".
    expect((await owner.task.overview({ caseId })).comingUp.tasks.map((t) => t.id)).toEqual([task.id]);

    const done = await supporter.task.setDone({ caseId, id: task.id, version: 1, done: true });
    expect(done).toMatchObject({ status: "done", completedById: supporterId, completedByName: "Sid Supporter", version: 2 });
    expect(done.completedAt).toBeInstanceOf(Date);
    const [seenByViewer] = await viewer.task.list({ caseId });
    expect(seenByViewer).toMatchObject({ id: task.id, status: "done", completedByName: "Sid Supporter" });
    expect((await supporter.task.overview({ caseId })).forYou).toEqual([]);

    const reopened = await owner.task.setDone({ caseId, id: task.id, version: 2, done: false });
    expect(reopened).toMatchObject({ status: "open", completedById: null, completedAt: null, version: 3 });
  });

  it("viewers read tasks but cannot change them; only members who can edit may be assigned", async () => {
    const { caseId, owner, viewer } = await setup();
    const task = await owner.task.create({ caseId, ...TASK });
    await expect(viewer.task.create({ caseId, ...TASK })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.task.setDone({ caseId, id: task.id, version: 1, done: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.task.suggestions({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await viewer.task.list({ caseId })).map((t) => t.title)).toEqual(["Call the insurer"]);

    const viewerId = (await owner.member.list({ caseId })).find((m) => m.role === "viewer")!.userId;
    const outsider = await createUser(database.db);
    for (const assigneeId of [viewerId, outsider.id]) {
      await expect(owner.task.create({ caseId, ...TASK, assigneeId })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: messageRef("tasks.errors.assigneeCannotEdit"),
      });
    }
    await expect(owner.task.create({ caseId, ...TASK, title: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.task.create({ caseId, ...TASK, dueOn: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.task.list({ caseId })).toHaveLength(1);
  });

  it("edits are versioned: a stale save is refused with the task as it is now, and nothing is overwritten", async () => {
    const { caseId, owner, supporter } = await setup();
    const task = await owner.task.create({ caseId, ...TASK });
    await supporter.task.update({ caseId, id: task.id, version: 1, ...TASK, title: "Call the insurer today" });
    const stale = owner.task.update({ caseId, id: task.id, version: 1, ...TASK, title: "Email the insurer" });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT", cause: { current: { title: "Call the insurer today", version: 2 } } });
    // Marking done from a screen that showed version 1 is refused too: a done task is never undone by a stale screen.
    await expect(owner.task.setDone({ caseId, id: task.id, version: 1, done: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await owner.task.list({ caseId }))[0]).toMatchObject({ title: "Call the insurer today", status: "open", version: 2 });
  });

  it("leaves an activity entry for every change, and counts as new in the tasks section for the others", async () => {
    const { caseId, owner, supporter, supporterId } = await setup();
    await supporter.live.markSectionSeen({ caseId, section: "tasks" });
    const task = await owner.task.create({ caseId, ...TASK, assigneeId: supporterId });
    await owner.task.update({ caseId, id: task.id, version: 1, ...TASK, assigneeId: supporterId, title: "Call the insurer again" });
    expect((await supporter.live.unread({ caseId })).tasks).toBe(2);
    expect((await owner.live.unread({ caseId })).tasks).toBe(0);
    await supporter.task.setDone({ caseId, id: task.id, version: 2, done: true });
    await owner.task.delete({ caseId, id: task.id, version: 3 });
    const feed = (await owner.activity.list({ caseId })).filter((a) => a.entityType === "task").map((a) => [a.action, a.summary]);
    expect(feed).toEqual([
      ["task.deleted", 'Removed the task "Call the insurer again"'],
      ["task.completed", 'Did the task "Call the insurer again"'],
      ["task.updated", 'Edited the task "Call the insurer again"'],
      ["task.created", 'Added the task "Call the insurer" for Sid Supporter'],
    ]);
    await expect(owner.task.delete({ caseId, id: task.id, version: task.version })).rejects.toMatchObject({ code: "NOT_FOUND", message: messageRef("tasks.errors.gone") });
  });

  it('"For you" puts overdue tasks first; "Coming up" shows the next visit and the others\' next dated tasks', async () => {
    const { caseId, owner, supporter } = await setup();
    const ownerId = await ownerIdOf(caseId, owner);
    await owner.task.create({ caseId, ...TASK, title: "No date", assigneeId: ownerId });
    await owner.task.create({ caseId, ...TASK, title: "Next week", assigneeId: ownerId, dueOn: "2026-12-07" });
    await owner.task.create({ caseId, ...TASK, title: "Last week", assigneeId: ownerId, dueOn: "2026-11-23" });
    await supporter.task.create({ caseId, ...TASK, title: "For anyone, dated", dueOn: "2026-12-02" });
    await supporter.task.create({ caseId, ...TASK, title: "For anyone, undated" });
    const visitAt = new Date(Date.now() + 3 * DAY);
    const opinion = await owner.opinion.create({
      caseId,
      label: "Second opinion",
      clinician: "",
      specialty: "",
      institution: "",
      kind: "telehealth",
      visitAt,
      status: "scheduled",
      inNetwork: "unknown",
      referralNeeded: "unknown",
      preApprovalNeeded: "unknown",
      expectedCosts: "",
    });
    const overview = await owner.task.overview({ caseId });
    expect(overview.forYou.map((t) => t.title)).toEqual(["Last week", "Next week", "No date"]);
    expect(overview.comingUp.tasks.map((t) => t.title)).toEqual(["For anyone, dated"]);
    expect(overview.comingUp.visit).toEqual({ opinionId: opinion.id, label: "Second opinion", visitAt });
  });

  it("a task about a private record names it only to those who may see the record, and nobody links what they cannot see", async () => {
    const { caseId, owner, supporter } = await setup();
    const secret = await owner.record.create({ caseId, title: "Psychiatry notes", kind: "clinic_notes", source: "", notes: "", private: true });
    const task = await owner.task.create({ caseId, ...TASK, title: "Bring the notes", link: { kind: "record", id: secret.id } });
    expect(task.link).toEqual({ kind: "record", id: secret.id, label: "Psychiatry notes" });
    expect((await supporter.task.list({ caseId }))[0]!.link).toEqual({ kind: "record", id: secret.id, label: null });
    await expect(supporter.task.create({ caseId, ...TASK, link: { kind: "record", id: secret.id } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("tasks.errors.linkGone"),
    });
    // Nor does a private record suggest a task, whose title everyone would read.
    expect((await owner.task.suggestions({ caseId })).filter((s) => s.link?.id === secret.id)).toEqual([]);
  });

  it("suggests requesting a needed record and, 10 days after the request with nothing received, following it up", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-02T09:00:00Z"));
    const { caseId, owner, supporter } = await setup();
    const record = await owner.record.create({ caseId, title: "MRI report", kind: "imaging_report", source: "", notes: "", private: false });
    const keys = async () => (await supporter.task.suggestions({ caseId })).map((s) => s.key);
    expect(await keys()).toEqual([`request_records:${record.id}`]);

    await owner.record.markRequested({ caseId, ids: [record.id] });
    expect(await keys()).toEqual([]);
    vi.setSystemTime(new Date("2026-11-12T08:59:00Z"));
    expect(await keys()).toEqual([]);
    vi.setSystemTime(new Date("2026-11-12T09:01:00Z"));
    expect(await keys()).toEqual([`chase_request:${record.id}`]);

    // One click: the task is for anyone, about the record, in the words of whoever took it up.
    const task = await supporter.task.createFromSuggestion({ caseId, key: `chase_request:${record.id}` });
    expect(task).toMatchObject({ title: "Follow up on the request: MRI report", assigneeId: null, link: { kind: "record", id: record.id }, suggestion: `chase_request:${record.id}` });
    expect(await keys()).toEqual([]);
    // Taken up once: a second click (another tab, another person) is refused, and removing the task does not bring it back.
    await expect(owner.task.createFromSuggestion({ caseId, key: `chase_request:${record.id}` })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("tasks.errors.suggestionGone"),
    });
    await owner.task.delete({ caseId, id: task.id, version: task.version });
    expect(await keys()).toEqual([]);

    await owner.record.setStatus({ caseId, id: record.id, status: "received" });
    expect(await keys()).toEqual([]);
  });

  it("suggests booking a visit without a date and calling the insurer while coverage is unknown; dismissed ones stay away", async () => {
    const { caseId, owner, supporter } = await setup();
    const fields = {
      label: "Second opinion",
      clinician: "",
      specialty: "",
      institution: "",
      kind: "telehealth" as const,
      visitAt: null,
      status: "considering" as const,
      inNetwork: "unknown" as const,
      referralNeeded: "unknown" as const,
      preApprovalNeeded: "unknown" as const,
      expectedCosts: "",
    };
    const opinion = await owner.opinion.create({ caseId, ...fields });
    const kinds = async () => (await supporter.task.suggestions({ caseId })).map((s) => [s.kind, s.label]);
    expect(await kinds()).toEqual([
      ["book_visit", "Second opinion"],
      ["call_insurer", "Second opinion"],
    ]);
    await supporter.task.dismissSuggestion({ caseId, key: `call_insurer:${opinion.id}` });
    expect(await kinds()).toEqual([["book_visit", "Second opinion"]]);
    expect((await owner.activity.list({ caseId }))[0]).toMatchObject({ action: "task.suggestion_dismissed", summary: "Said a suggested task is not needed: call the insurer" });
    await expect(supporter.task.dismissSuggestion({ caseId, key: `call_insurer:${opinion.id}` })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await owner.opinion.update({ caseId, id: opinion.id, version: 1, ...fields, visitAt: new Date("2026-12-10T10:00:00Z"), status: "scheduled" });
    expect(await kinds()).toEqual([]);
  });

  it('suggests "Tell your original doctor" once a decision is made, not while still deciding', async () => {
    const { caseId, owner, supporter } = await setup();
    await owner.decision.record({ caseId, path: "still_deciding", reasons: "", nextSteps: "", decidedOn: "2026-11-26" });
    expect(await supporter.task.suggestions({ caseId })).toEqual([]);
    await owner.decision.record({ caseId, path: "switch_to_second", reasons: "", nextSteps: "", decidedOn: "2026-11-27" });
    expect(await supporter.task.suggestions({ caseId })).toEqual([{ key: "tell_doctor", kind: "tell_doctor", label: null, link: null }]);
    const task = await supporter.task.createFromSuggestion({ caseId, key: "tell_doctor" });
    expect(task.title).toBe("Tell your original doctor about the decision");
    expect(await supporter.task.suggestions({ caseId })).toEqual([]);
  });

  it("are in the owner's export, go with the case, and a deleted account's tasks are left to anyone", async () => {
    const { caseId, owner, supporter, supporterId } = await setup();
    const task = await owner.task.create({ caseId, ...TASK, assigneeId: supporterId, dueOn: "2026-12-01" });
    await supporter.task.setDone({ caseId, id: task.id, version: 1, done: true });
    const ownerId = await ownerIdOf(caseId, owner);
    const { data } = await readCaseExport(database.db, { caseId, userId: ownerId, role: "owner", memberId: "" });
    expect(data.tasks).toEqual([
      expect.objectContaining({ id: task.id, title: "Call the insurer", assigneeId: supporterId, dueOn: "2026-12-01", status: "done", completedById: supporterId }),
    ]);

    await database.db.delete(users).where(eq(users.id, supporterId));
    expect((await owner.task.list({ caseId }))[0]).toMatchObject({ assigneeId: null, completedById: null, status: "done" });

    const { title } = await owner.case.get({ caseId });
    await owner.case.delete({ caseId, confirmTitle: title });
    expect(await database.db.select().from(tasks).where(eq(tasks.caseId, caseId))).toEqual([]);
  });
});
