/**
 * Task reminders on the job queue (issue 17 §3, decision 0038): a task on its due day at the person's
 * digest hour on their own clock, moved with the due date, withdrawn when done, removed or when the
 * member leaves; and "assigned to me" at once, by the person's setting. Delivered to a real SMTP sink,
 * the clock moved by bringing queued jobs' start times closer — no sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, zonedDay, zonedHour } from "@/lib/time-zone";
import { createSmtpMailer } from "@/server/mail";
import type { JobQueue } from "@/server/queue/queue";
import { drainQueue } from "@/server/queue/worker";
import { caseWithMembers } from "../support/case-with-members";
import { advanceQueueClock, openTestQueue } from "../support/queue";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

process.env.AUTH_SECRET ??= "reminder-test-secret-reminder-test-secret-01";
process.env.SMTP_URL ??= "smtp://127.0.0.1:25";


let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let queue: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
  queue = await openTestQueue(database);
});
afterAll(async () => {
  await queue?.stop();
  await sink?.close();
  await database?.cleanup();
});

const mailer = () => createSmtpMailer(sink.url, "SecondLook <reminders@test>");
const drain = () => drainQueue(database.db, queue, mailer());
const mailsTo = (email: string) => sink.received.filter((m) => m.to.includes(email));

/** The due-day reminders waiting for a case: who, which slot, and when. */
async function waiting(caseId: string) {
  const { rows } = await database.executeSql(
    `select data, start_after from pgboss.job where name = 'reminder' and state in ('created', 'retry') and data->>'caseId' = $1 and data->'subject'->>'kind' = 'task'`,
    [caseId],
  );
  return (rows as { data: { userId: string; slot: string }; start_after: Date | string }[]).map((r) => ({
    userId: r.data.userId,
    slot: r.data.slot,
    at: new Date(r.start_after).toISOString(),
  }));
}

/** Moves the queue's clock on to just after `at`. */
const advanceTo = async (at: Date) => advanceQueueClock(database, at.getTime() - Date.now() + 60_000);

const TASK = { title: "Ask for the biopsy slides", note: "Pathology lab at St Mary's, ask for Dr Reyes", link: null };
const NEW_YORK = "America/New_York";

describe("a task on its due day", () => {
  it("reaches its assignee at their digest hour on their clock, moves with the due date, and is sent once", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    const caseTitle = (await f.owner.case.get({ caseId: f.caseId })).title;
    await f.supporter.notification.set({ channels: { assigned: "off", due: "now", visit: "now", new: "off" }, digestHour: 9, timeZone: NEW_YORK });

    const firstDay = addDays(zonedDay(new Date(), NEW_YORK), 3);
    const task = await f.owner.task.create({ caseId: f.caseId, ...TASK, assigneeId: f.supporterId, dueOn: firstDay });
    expect(await waiting(f.caseId)).toEqual([{ userId: supporter.id, slot: "due-day", at: zonedHour(firstDay, 9, NEW_YORK).toISOString() }]);

    // Moved two days later: the old reminder goes, the new one waits; editing it again changes nothing.
    const secondDay = addDays(firstDay, 2);
    const moved = await f.owner.task.update({ caseId: f.caseId, id: task.id, version: task.version, ...TASK, assigneeId: f.supporterId, dueOn: secondDay });
    await f.owner.task.update({ caseId: f.caseId, id: task.id, version: moved.version, ...TASK, note: "Ask again", assigneeId: f.supporterId, dueOn: secondDay });
    expect(await waiting(f.caseId)).toEqual([{ userId: supporter.id, slot: "due-day", at: zonedHour(secondDay, 9, NEW_YORK).toISOString() }]);

    await drain(); // the "assigned" notice: checked when sent, and this supporter turned those off
    expect(mailsTo(supporter.email)).toHaveLength(0);
    await advanceTo(zonedHour(firstDay, 9, NEW_YORK));
    expect(await drain()).toEqual({ done: 0, failed: 0 });
    await advanceQueueClock(database, zonedHour(secondDay, 9, NEW_YORK).getTime() - zonedHour(firstDay, 9, NEW_YORK).getTime());
    expect((await drain()).done).toBe(1);
    expect(await drain()).toEqual({ done: 0, failed: 0 });

    expect(mailsTo(supporter.email)).toHaveLength(1);
    expect(mailsTo(owner.email)).toHaveLength(0);
    expect(mailsTo(viewer.email)).toHaveLength(0);
    const mail = mailsTo(supporter.email)[0]!;
    expect(mail.subject).toBe(`A task for “${caseTitle}” is due today`);
    expect(mail.text).toContain(`A task of yours in “${caseTitle}” is due today.`);
    expect(mail.text).toContain("Open it to see what to do, and mark it done when it is:");
    expect(mail.text).toContain(`/cases/${f.caseId}/tasks#task-${task.id}`);
    // Nothing of the case beyond its title: not the task's title or note.
    for (const detail of ["biopsy", "Pathology", "Reyes", "Ask again"]) expect(mail.text).not.toContain(detail);
    expect(mail.headers["list-unsubscribe"]).toContain("k=due");
  });

  it("a task for anyone reaches everyone who can edit; done withdraws it, open again plans it again, removing withdraws it", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    const dueOn = addDays(zonedDay(new Date(), "UTC"), 2);
    const task = await f.supporter.task.create({ caseId: f.caseId, ...TASK, assigneeId: null, dueOn });
    const everyone = [owner.id, supporter.id].sort();
    expect((await waiting(f.caseId)).map((j) => j.userId).sort()).toEqual(everyone); // not the viewer

    const done = await f.owner.task.setDone({ caseId: f.caseId, id: task.id, version: task.version, done: true });
    expect(await waiting(f.caseId)).toEqual([]);
    const reopened = await f.owner.task.setDone({ caseId: f.caseId, id: task.id, version: done.version, done: false });
    expect((await waiting(f.caseId)).map((j) => j.userId).sort()).toEqual(everyone);

    // Done again, but the withdrawal is lost (a queue hiccup): the reminder is checked when due and not sent.
    await database.executeSql(`update tasks set status = 'done' where id = $1`, [task.id]);
    await advanceTo(zonedHour(dueOn, 8, "UTC"));
    await drain();
    expect(mailsTo(owner.email)).toHaveLength(0);

    await database.executeSql(`update tasks set status = 'open' where id = $1`, [task.id]);
    await f.owner.task.delete({ caseId: f.caseId, id: task.id, version: reopened.version });
    expect(await waiting(f.caseId)).toEqual([]);
    expect(reopened.status).toBe("open");
    expect(mailsTo(viewer.email)).toHaveLength(0);
  });

  it("the assignee leaving withdraws theirs, and the task falls to the others who can edit", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter] = await Promise.all([f.owner.account.me(), f.supporter.account.me()]);
    const dueOn = addDays(zonedDay(new Date(), "UTC"), 3);
    await f.owner.task.create({ caseId: f.caseId, ...TASK, assigneeId: f.supporterId, dueOn });
    expect((await waiting(f.caseId)).map((j) => j.userId)).toEqual([supporter.id]);

    await f.supporter.member.leave({ caseId: f.caseId });
    expect((await waiting(f.caseId)).map((j) => j.userId)).toEqual([owner.id]);
    await advanceTo(zonedHour(dueOn, 8, "UTC"));
    await drain();
    expect(mailsTo(supporter.email)).toHaveLength(0);
    expect(mailsTo(owner.email).map((m) => m.text)).toEqual([expect.stringContaining("for anyone who can help, is due today")]);
  });

  it("a due day whose hour has already passed is not reminded late", async () => {
    const f = await caseWithMembers(database.db);
    const yesterday = addDays(zonedDay(new Date(), "UTC"), -1);
    await f.owner.task.create({ caseId: f.caseId, ...TASK, assigneeId: null, dueOn: yesterday });
    expect(await waiting(f.caseId)).toEqual([]);
  });
});

describe("assigned to me", () => {
  it("at once to the person given the task, never to the one who gave it, and by their setting", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter] = await Promise.all([f.owner.account.me(), f.supporter.account.me()]);
    const caseTitle = (await f.owner.case.get({ caseId: f.caseId })).title;
    await drain(); // what earlier tests left due

    // Taking a task yourself tells nobody.
    const mine = await f.supporter.task.create({ caseId: f.caseId, ...TASK, assigneeId: f.supporterId, dueOn: null });
    expect(await drain()).toEqual({ done: 0, failed: 0 });

    // The owner gives the supporter one: an email at once, saying what to do and linking to it.
    const given = await f.owner.task.create({ caseId: f.caseId, ...TASK, assigneeId: f.supporterId, dueOn: "2031-03-04" });
    expect((await drain()).done).toBe(1);
    const mail = mailsTo(supporter.email)[0]!;
    expect(mail.subject).toBe(`A task for you in “${caseTitle}”`);
    expect(mail.text).toContain(`You have been given a task in “${caseTitle}”, due on Tuesday, March 4, 2031.`);
    expect(mail.text).toContain(`/cases/${f.caseId}/tasks#task-${given.id}`);
    for (const detail of ["biopsy", "Pathology", "Reyes"]) expect(mail.text).not.toContain(detail);
    expect(mail.headers["list-unsubscribe"]).toContain("k=assigned");

    // Editing it without changing who it is for tells nobody again.
    await f.owner.task.update({ caseId: f.caseId, id: given.id, version: given.version, ...TASK, title: "Renamed", assigneeId: f.supporterId, dueOn: null });
    expect(await drain()).toEqual({ done: 0, failed: 0 });

    // The supporter gives theirs to the owner, who wants these in the digest: no email of its own.
    await f.owner.notification.set({ channels: { assigned: "digest", due: "now", visit: "now", new: "off" }, digestHour: 7, timeZone: "UTC" });
    await f.supporter.task.update({ caseId: f.caseId, id: mine.id, version: mine.version, ...TASK, assigneeId: owner.id, dueOn: null });
    expect(await drain()).toEqual({ done: 1, failed: 0 });
    expect(mailsTo(owner.email)).toHaveLength(0);

    // Given, then done before the notice went: checked when sent, so nothing.
    await f.supporter.notification.set({ channels: { assigned: "now", due: "now", visit: "now", new: "off" }, digestHour: 7, timeZone: "UTC" });
    const quick = await f.owner.task.create({ caseId: f.caseId, ...TASK, assigneeId: f.supporterId, dueOn: null });
    await f.supporter.task.setDone({ caseId: f.caseId, id: quick.id, version: quick.version, done: true });
    await drain();
    expect(mailsTo(supporter.email)).toHaveLength(1);
  });
});
