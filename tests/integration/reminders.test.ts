/**
 * Reminders on the PostgreSQL job queue (issue 17 §3), delivered to a real SMTP sink: sent once across
 * two app instances sharing one database, kept across a restart of the worker, retried after the mail
 * server refuses, withdrawn when the visit moves or the member leaves; the record chase after 10 days;
 * per-kind settings and the POST-only unsubscribe. The clock is the queue's: a test "moves time on" by
 * bringing queued jobs' start times closer (advanceQueueClock), never by sleeping.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database, type Db } from "@/db/client";
import { attachLiveHub } from "@/server/live/hub";
import { createSmtpMailer } from "@/server/mail";
import type { JobQueue } from "@/server/queue/queue";
import { drainQueue } from "@/server/queue/worker";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/api/unsubscribe/route";
import { caseWithMembers } from "../support/case-with-members";
import { advanceQueueClock as advanceQueue, openTestQueue } from "../support/queue";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// The unsubscribe route reads the app's database: this test's.
const routeEnv = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

process.env.AUTH_SECRET ??= "reminder-test-secret-reminder-test-secret-01";
process.env.SMTP_URL ??= "smtp://127.0.0.1:25";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let database: TestDatabase;
/** The second app instance: its own connection pool on PostgreSQL; on the embedded database (one per process), a second queue on the same one. */
let other: Database;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let queueA: JobQueue;
let queueB: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
  other = database.target.kind === "postgres" ? openDatabase(database.target) : database;
  if (other !== database) attachLiveHub(other);
  sink = await startSmtpSink();
  queueB = await openTestQueue(other);
  // Opened last: the routers' after-commit planning (queueOf(db)) uses the first instance's.
  queueA = await openTestQueue(database);
});
afterAll(async () => {
  await queueA?.stop();
  await queueB?.stop();
  if (other && other !== database) await other.close();
  await sink?.close();
  await database?.cleanup();
});

const mailer = () => createSmtpMailer(sink.url, "SecondLook <reminders@test>");

const advanceQueueClock = (ms: number) => advanceQueue(database, ms);

async function queuedReminders(where = "true", values: unknown[] = []) {
  const { rows } = await database.executeSql(`select state, data from pgboss.job where name = 'reminder' and state in ('created', 'retry') and ${where}`, values);
  return rows as { state: string; data: { userId: string; slot: string } }[];
}

const OPINION = {
  label: "Second opinion",
  clinician: "Dr Nakamura",
  specialty: "Oncology",
  institution: "",
  kind: "same_specialty" as const,
  status: "scheduled" as const,
  inNetwork: "unknown" as const,
  referralNeeded: "unknown" as const,
  preApprovalNeeded: "unknown" as const,
  expectedCosts: "",
};

const mailsTo = (email: string) => sink.received.filter((m) => m.to.includes(email));

describe("visit reminders", () => {
  it("the day before and 2 hours before, one email per member, once across two app instances", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    const visitAt = new Date(Date.now() + 3 * DAY);
    const opinion = await f.owner.opinion.create({ caseId: f.caseId, ...OPINION, visitAt });
    await f.owner.question.create({ caseId: f.caseId, text: "Is surgery the only option?", opinionId: opinion.id });
    await f.owner.question.create({ caseId: f.caseId, text: "For another day" });
    expect(await queuedReminders("data->>'caseId' = $1", [f.caseId])).toHaveLength(6); // 3 members × 2 reminders

    // Nothing is due yet.
    expect(await drainQueue(database.db, queueA, mailer())).toEqual({ done: 0, failed: 0 });

    // 23 hours before the visit: the day-before reminders are due. Both instances work at once.
    await advanceQueueClock(2 * DAY + HOUR);
    const runs = await Promise.all([drainQueue(database.db, queueA, mailer()), drainQueue(other.db, queueB, mailer())]);
    expect(runs[0].done + runs[1].done).toBe(3);
    for (const person of [owner, supporter, viewer]) expect(mailsTo(person.email)).toHaveLength(1);

    const mail = mailsTo(supporter.email)[0]!;
    expect(mail.subject).toBe(`Reminder: a visit tomorrow for “${(await f.owner.case.get({ caseId: f.caseId })).title}”`);
    expect(mail.text).toContain(`/cases/${f.caseId}/opinions/${opinion.id}/packet`);
    expect(mail.text).toContain("You have 1 question ready for it.");
    expect(mail.text).toContain("(UTC time)");
    // Nothing of the case beyond its title: not the clinician, not the question.
    for (const detail of ["Dr Nakamura", "Oncology", "Is surgery the only option?"]) expect(mail.text).not.toContain(detail);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<http:\/\/.+\/api\/unsubscribe\?u=.+&k=visit&t=.+>$/);

    // Two hours before: the second reminder, again once each.
    await advanceQueueClock(DAY);
    const again = await Promise.all([drainQueue(other.db, queueB, mailer()), drainQueue(database.db, queueA, mailer())]);
    expect(again[0].done + again[1].done).toBe(3);
    expect(mailsTo(viewer.email).map((m) => m.subject)).toEqual([expect.stringContaining("tomorrow"), expect.stringContaining("in 2 hours")]);
    expect(await drainQueue(database.db, queueA, mailer())).toEqual({ done: 0, failed: 0 });
  });

  it("a reminder waiting in the queue survives a restart of the worker", async () => {
    const f = await caseWithMembers(database.db);
    const viewer = await f.viewer.account.me();
    await f.owner.opinion.create({ caseId: f.caseId, ...OPINION, visitAt: new Date(Date.now() + 2 * DAY) });
    // The worker stops (a deploy); another starts on the same database.
    await queueB.stop();
    queueB = await openTestQueue(other);
    await advanceQueueClock(DAY + HOUR);
    await drainQueue(other.db, queueB, mailer());
    expect(mailsTo(viewer.email)).toHaveLength(1);
  });

  it("is tried again later when the mail server refuses, and then sent once", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    // Only the supporter wants visit reminders by email here.
    await f.owner.notification.set({ channels: { assigned: "now", due: "now", visit: "off", new: "off" }, digestHour: 7, timeZone: "UTC" });
    await f.viewer.notification.set({ channels: { assigned: "now", due: "now", visit: "digest", new: "off" }, digestHour: 7, timeZone: "UTC" });
    await f.owner.opinion.create({ caseId: f.caseId, ...OPINION, visitAt: new Date(Date.now() + 2 * DAY) });
    await advanceQueueClock(DAY + HOUR);

    sink.refuse(true);
    const errors = console.error;
    console.error = () => {};
    let refused;
    try {
      refused = await drainQueue(database.db, queueA, mailer());
    } finally {
      console.error = errors;
      sink.refuse(false);
    }
    expect(refused.failed).toBeGreaterThanOrEqual(1);
    const [waiting] = await queuedReminders("data->>'caseId' = $1 and state = 'retry'", [f.caseId]);
    expect(waiting?.data.userId).toBe(f.supporterId);
    // Backing off: not due again at once.
    await drainQueue(database.db, queueA, mailer());
    expect(mailsTo(supporter.email)).toHaveLength(0);
    expect(await queuedReminders("data->>'caseId' = $1 and state = 'retry'", [f.caseId])).toHaveLength(1);

    await advanceQueueClock(10 * 60 * 1000);
    await drainQueue(database.db, queueA, mailer());
    expect(mailsTo(supporter.email)).toHaveLength(1);
    // The owner (off) and the viewer (digest) got no email of their own.
    expect(mailsTo(owner.email)).toHaveLength(0);
    expect(mailsTo(viewer.email)).toHaveLength(0);
  });

  it("is withdrawn when the visit moves, and for a member who leaves", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    const opinion = await f.owner.opinion.create({ caseId: f.caseId, ...OPINION, visitAt: new Date(Date.now() + 2 * DAY) });
    // Moved to a week later: the old reminders go, new ones wait.
    const moved = new Date(Date.now() + 7 * DAY);
    await f.supporter.opinion.update({ caseId: f.caseId, id: opinion.id, version: opinion.version, ...OPINION, visitAt: moved });
    expect(await queuedReminders("data->>'caseId' = $1", [f.caseId])).toHaveLength(6);
    expect(new Set((await queuedReminders("data->>'caseId' = $1", [f.caseId])).map((j) => (j.data as unknown as { stamp: string }).stamp))).toEqual(
      new Set([moved.toISOString()]),
    );
    await f.viewer.member.leave({ caseId: f.caseId });
    expect(await queuedReminders("data->>'caseId' = $1 and data->>'userId' = $2", [f.caseId, (await f.viewer.account.me()).id])).toHaveLength(0);

    // The old day-before moment passes: nothing.
    await advanceQueueClock(DAY + HOUR);
    await drainQueue(database.db, queueA, mailer());
    expect(mailsTo(owner.email)).toHaveLength(0);
    // The new one: the owner and the supporter, not the viewer who left.
    await advanceQueueClock(5 * DAY);
    await drainQueue(database.db, queueA, mailer());
    expect(mailsTo(owner.email)).toHaveLength(1);
    expect(mailsTo(supporter.email)).toHaveLength(1);
    expect(mailsTo(viewer.email)).toHaveLength(0);

    // Deleting the opinion withdraws what is left.
    await f.owner.opinion.delete({ caseId: f.caseId, id: opinion.id, version: opinion.version + 1 });
    expect(await queuedReminders("data->>'caseId' = $1", [f.caseId])).toHaveLength(0);
  });
});

describe("record request reminder", () => {
  it("after 10 days with no answer, to those who can chase it; an answer withdraws it", async () => {
    const f = await caseWithMembers(database.db);
    const [owner, supporter, viewer] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    const scans = await f.owner.record.create({ caseId: f.caseId, title: "MRI scans", kind: "images", source: "", notes: "", private: false });
    const letter = await f.owner.record.create({ caseId: f.caseId, title: "Oncology letter", kind: "other", source: "", notes: "", private: false });
    await f.supporter.record.markRequested({ caseId: f.caseId, ids: [scans.id, letter.id] });
    await f.owner.record.setStatus({ caseId: f.caseId, id: letter.id, status: "received" });

    await advanceQueueClock(9 * DAY);
    expect(await drainQueue(database.db, queueA, mailer())).toEqual({ done: 0, failed: 0 });
    await advanceQueueClock(DAY + HOUR);
    await drainQueue(database.db, queueA, mailer());
    expect(mailsTo(owner.email)).toHaveLength(1);
    expect(mailsTo(supporter.email)).toHaveLength(1);
    expect(mailsTo(viewer.email)).toHaveLength(0); // a viewer cannot chase it
    const mail = mailsTo(supporter.email)[0]!;
    expect(mail.subject).toMatch(/^A records request for “.+” has no answer yet$/);
    expect(mail.text).toContain(`/cases/${f.caseId}/records`);
    expect(mail.text).not.toContain("MRI scans");
    expect(mail.headers["list-unsubscribe"]).toContain("k=due");
  });
});

describe("unsubscribing", () => {
  it("opening the link (a mail scanner's GET) changes nothing; the one-click POST turns that kind off", async () => {
    const f = await caseWithMembers(database.db);
    const viewer = await f.viewer.account.me();
    await f.owner.opinion.create({ caseId: f.caseId, ...OPINION, visitAt: new Date(Date.now() + 2 * DAY) });
    await advanceQueueClock(DAY + HOUR);
    await drainQueue(database.db, queueA, mailer());
    const mail = mailsTo(viewer.email)[0]!;
    const oneClick = mail.headers["list-unsubscribe"]!.slice(1, -1);
    const page = mail.text.match(/https?:\/\/\S+\/unsubscribe\?\S+/)![0];

    const scanned = await unsubscribeGet(new Request(oneClick));
    expect(scanned.status).toBe(303);
    expect(scanned.headers.get("location")).toBe(page);
    expect((await f.viewer.notification.settings()).channels.visit).toBe("now");

    const forged = new URL(oneClick);
    forged.searchParams.set("k", "new"); // the token is for "visit" only
    expect((await unsubscribePost(new Request(forged, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }))).status).toBe(400);

    const clicked = await unsubscribePost(new Request(oneClick, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }));
    expect(clicked.status).toBe(200);
    expect((await f.viewer.notification.settings()).channels).toEqual({ assigned: "now", due: "now", visit: "off", new: "off" });

    // The page's button posts too, and is sent back to the page to read the result.
    const fromPage = await unsubscribePost(new Request(oneClick, { method: "POST", body: new URLSearchParams({ from: "page" }) }));
    expect(fromPage.status).toBe(303);
    expect(fromPage.headers.get("location")).toContain("done=1");
  });

  it("refuses a time zone the runtime does not know and an hour outside the day", async () => {
    const f = await caseWithMembers(database.db);
    const channels = { assigned: "now", due: "now", visit: "now", new: "digest" } as const;
    await expect(f.viewer.notification.set({ channels, digestHour: 7, timeZone: "Mars/Olympus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(f.viewer.notification.set({ channels, digestHour: 24, timeZone: "UTC" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await f.viewer.notification.set({ channels, digestHour: 18, timeZone: "America/Bogota" })).toMatchObject({ channels, digestHour: 18, timeZone: "America/Bogota" });
  });
});
