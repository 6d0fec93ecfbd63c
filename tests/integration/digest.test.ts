/**
 * The daily email digest on the job queue, delivered to a real SMTP sink: opt-in, content, sending once
 * whoever runs the tick, at the person's hour in their time zone, unsubscribing, retrying a refused send;
 * and what is coming up (tomorrow's visits, tasks due or overdue, records requests waiting, tasks given)
 * for the kinds a person chose to get in it.
 */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, records, users } from "@/db/schema";
import { addDays, zonedDay, zonedTimeToDate } from "@/lib/time-zone";
import { queueDueDigests } from "@/server/digest/digest";
import { createSmtpMailer } from "@/server/mail";
import { unsubscribeByLink } from "@/server/notifications/unsubscribe";
import type { JobQueue } from "@/server/queue/queue";
import { drainQueue } from "@/server/queue/worker";
import { translateRef } from "@/server/i18n/translator";
import { caseWithMembers } from "../support/case-with-members";
import { advanceQueueClock, openTestQueue, runDigests } from "../support/queue";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// Signs the unsubscribe links; set before the configuration is first read.
process.env.AUTH_SECRET ??= "digest-test-secret-digest-test-secret-0123";
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

const DAY = 24 * 60 * 60 * 1000;
// The digest hour half a day away from now: the tests' "a minute later, nothing is due again" must not cross
// the hour (with a fixed 7:00, a run at 6:59 UTC failed).
const DIGEST_ON = {
  channels: { assigned: "now", due: "now", visit: "now", new: "digest" },
  digestHour: (new Date().getUTCHours() + 12) % 24,
  timeZone: "UTC",
} as const;

describe("email digest", () => {
  it("is off by default; once opted in, one digest per day with what others did, never others' private items; the link unsubscribes", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const supporterMe = await f.supporter.account.me();
    expect((await f.supporter.notification.settings()).channels.new).toBe("off");
    expect(await f.supporter.notification.set(DIGEST_ON)).toMatchObject({ channels: { new: "digest" }, mailConfigured: true });

    await f.owner.question.create({ caseId: f.caseId, text: "What are the risks of waiting?" });
    await f.owner.note.create({ caseId: f.caseId, body: "My private worry", private: true });
    await f.owner.record.create({ caseId: f.caseId, title: "Counselling letter", kind: "other", source: "", notes: "", private: true });
    await f.supporter.question.create({ caseId: f.caseId, text: "My own question, not news to me" });

    // Two ticks run at the same moment: exactly one digest is queued, and one email sent.
    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    const tomorrow = new Date(Date.now() + DAY);
    const runs = await Promise.all([queueDueDigests(db, queue, tomorrow), queueDueDigests(db, queue, tomorrow)]);
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(1);
    await drainQueue(db, queue, mailer, tomorrow);
    const mail = await sink.nextMailTo(supporterMe.email);
    expect(sink.received.filter((m) => m.to.includes(supporterMe.email))).toHaveLength(1);
    // The owner never opted in.
    expect(sink.received.some((m) => m.subject.startsWith("SecondLook:") && !m.to.includes(supporterMe.email))).toBe(false);

    expect(mail.subject).toBe("SecondLook: 1 change in your cases");
    expect(mail.text).toContain("- 1 change in Questions");
    const privateSummaries = await db
      .select({ summary: activity.summary })
      .from(activity)
      .where(and(eq(activity.caseId, f.caseId), ne(activity.visibility, "members")));
    expect(privateSummaries).toHaveLength(2);
    for (const { summary } of privateSummaries) expect(mail.text).not.toContain(translateRef(summary, "en"));
    expect(mail.text).not.toContain("My private worry");
    expect(mail.text).not.toContain("not news to me");

    // Later the same day: nothing is due again.
    expect(await queueDueDigests(db, queue, new Date(tomorrow.getTime() + 60_000))).toEqual({ queued: 0 });

    // One-click unsubscribe: the header for mail clients (RFC 8058) and a link in the text.
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<http:\/\/.+\/api\/unsubscribe\?u=.+&k=new&t=.+>$/);
    const link = new URL(mail.text.match(/https?:\/\/\S+\/unsubscribe\?\S+/)![0]);
    const u = link.searchParams.get("u")!;
    const t = link.searchParams.get("t")!;
    expect(await unsubscribeByLink(db, { u, k: "new", t: `${t.slice(0, -1)}x` })).toBeNull();
    expect(await unsubscribeByLink(db, { u: f.supporterId === u ? u : "", k: "new", t })).toBe("new");
    expect((await f.supporter.notification.settings()).channels.new).toBe("off");
    expect(await queueDueDigests(db, queue, new Date(tomorrow.getTime() + 2 * DAY))).toEqual({ queued: 0 });
  });

  it("says only how many changes per section: no item's title, medication, question or note text (issue 15 §4.11)", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const viewerMe = await f.viewer.account.me();
    await f.viewer.notification.set(DIGEST_ON);

    const HEALTH_TEXT = ["Xarelto", "20 mg", "Is the tumour operable?", "Biopsy came back positive", "Oncology letter", "Dr Nakamura"];
    await f.owner.healthList.medication.create({ caseId: f.caseId, name: "Xarelto", dose: "20 mg", frequency: "daily", purpose: "", prescriber: "", notes: "" });
    await f.owner.question.create({ caseId: f.caseId, text: "Is the tumour operable?" });
    await f.supporter.question.create({ caseId: f.caseId, text: "Is the tumour operable? (asked again)" });
    await f.owner.note.create({ caseId: f.caseId, body: "Biopsy came back positive", private: false });
    await f.owner.record.create({ caseId: f.caseId, title: "Oncology letter", kind: "other", source: "Dr Nakamura", notes: "", private: false });
    // The activity log itself does name the items: the digest must not pass them on.
    const summaries = await db.select({ summary: activity.summary }).from(activity).where(eq(activity.caseId, f.caseId));
    expect(summaries.some(({ summary }) => translateRef(summary, "en").includes("Xarelto"))).toBe(true);

    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    await runDigests(database, queue, mailer, new Date(Date.now() + DAY));
    const mail = await sink.nextMailTo(viewerMe.email);
    expect(mail.subject).toBe("SecondLook: 5 changes in your cases");
    expect(mail.text).toContain("- 2 changes in Questions");
    expect(mail.text).toContain("- 1 change in Records");
    expect(mail.text).toContain("- 1 change in Medications & history");
    expect(mail.text).toContain("- 1 change in Notes");
    for (const text of [...HEALTH_TEXT, ...summaries.map((s) => translateRef(s.summary, "en"))]) {
      expect(mail.text).not.toContain(text);
      expect(mail.subject).not.toContain(text);
    }
  });

  it("a refused send is tried again later, and the digest arrives once", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const viewerMe = await f.viewer.account.me();
    await f.viewer.notification.set(DIGEST_ON);
    await f.owner.question.create({ caseId: f.caseId, text: "Anything new?" });
    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    const later = new Date(Date.now() + DAY);
    sink.refuse(true);
    try {
      expect(await runDigests(database, queue, mailer, later)).toMatchObject({ queued: 1, failed: 1 });
    } finally {
      sink.refuse(false);
    }
    // The claim stays made (no second digest is queued); the job waits for its retry.
    expect(await queueDueDigests(db, queue, new Date(later.getTime() + 60_000))).toEqual({ queued: 0 });
    await advanceQueueClock(database, 10 * 60 * 1000);
    await drainQueue(db, queue, mailer, later);
    expect(sink.received.filter((m) => m.to.includes(viewerMe.email))).toHaveLength(1);
  });

  it("is due at the person's own hour in their own time zone", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const viewerMe = await f.viewer.account.me();
    // 20:00 in Bogotá (UTC−5) is 01:00 UTC the next day.
    await f.viewer.notification.set({ ...DIGEST_ON, digestHour: 20, timeZone: "America/Bogota" });
    await f.owner.question.create({ caseId: f.caseId, text: "Anything new?" });
    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    const day = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const next = new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY).toISOString().slice(0, 10);
    // Its first digest (the clock started when it was turned on) at the first 20:00 Bogotá after that.
    await runDigests(database, queue, mailer, new Date(`${next}T01:00:00Z`));
    const before = sink.received.filter((m) => m.to.includes(viewerMe.email)).length;
    expect(before).toBe(1);
    // 00:59 UTC the day after is 19:59 in Bogotá: not yet; 01:00 UTC is 20:00 there: claimed.
    const afterNext = new Date(new Date(`${next}T00:00:00Z`).getTime() + DAY).toISOString().slice(0, 10);
    const lastDigest = async () => (await db.select({ at: users.lastDigestAt }).from(users).where(eq(users.email, viewerMe.email)))[0]?.at?.toISOString();
    await queueDueDigests(db, queue, new Date(`${afterNext}T00:59:00Z`));
    expect(await lastDigest()).toBe(`${next}T01:00:00.000Z`);
    await queueDueDigests(db, queue, new Date(`${afterNext}T01:00:00Z`));
    expect(await lastDigest()).toBe(`${afterNext}T01:00:00.000Z`);
  });

  it("lists what is coming up for the kinds the person gets in it: tomorrow's visit, tasks due and overdue, records waiting, tasks given", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const [ownerMe, supporterMe, viewerMe] = await Promise.all([f.owner.account.me(), f.supporter.account.me(), f.viewer.account.me()]);
    const NY = "America/New_York";
    const inDigest = { channels: { assigned: "digest", due: "digest", visit: "digest", new: "off" }, digestHour: 7, timeZone: NY } as const;
    await f.supporter.notification.set(inDigest);
    await f.viewer.notification.set({ ...inDigest, channels: { assigned: "now", due: "now", visit: "digest", new: "off" } });

    const at = new Date(Date.now() + DAY); // the digest's moment
    const today = zonedDay(at, NY);
    const opinion = { label: "Second opinion", clinician: "Dr Nakamura", specialty: "Oncology", institution: "", kind: "same_specialty", status: "scheduled", inNetwork: "unknown", referralNeeded: "unknown", preApprovalNeeded: "unknown", expectedCosts: "" } as const;
    const tomorrowsVisit = await f.owner.opinion.create({ caseId: f.caseId, ...opinion, visitAt: zonedTimeToDate(addDays(today, 1), "10:00", NY) });
    await f.owner.opinion.create({ caseId: f.caseId, ...opinion, visitAt: zonedTimeToDate(addDays(today, 3), "10:00", NY) });

    const task = (title: string, assigneeId: string | null, dueOn: string | null) => ({ caseId: f.caseId, title, note: "", assigneeId, dueOn, link: null });
    await f.owner.task.create(task("SECRET-A call the oncology nurse", f.supporterId, today)); // due today, given
    await f.owner.task.create(task("SECRET-B fax the scans", null, addDays(today, -1))); // overdue, for anyone
    await f.owner.task.create(task("SECRET-C later", f.supporterId, addDays(today, 5))); // given, not due
    const done = await f.owner.task.create(task("SECRET-D done", f.supporterId, addDays(today, -2)));
    await f.supporter.task.setDone({ caseId: f.caseId, id: done.id, version: done.version, done: true });
    await f.supporter.task.create(task("SECRET-E my own", f.supporterId, today)); // due today, not given

    const old = await f.owner.record.create({ caseId: f.caseId, title: "SECRET-R1 MRI", kind: "images", source: "", notes: "", private: false });
    const fresh = await f.owner.record.create({ caseId: f.caseId, title: "SECRET-R2 letter", kind: "other", source: "", notes: "", private: false });
    const hidden = await f.owner.record.create({ caseId: f.caseId, title: "SECRET-R3 private", kind: "other", source: "", notes: "", private: true });
    await f.owner.record.markRequested({ caseId: f.caseId, ids: [old.id, fresh.id, hidden.id] });
    for (const id of [old.id, hidden.id]) await db.update(records).set({ requestedAt: new Date(at.getTime() - 11 * DAY) }).where(eq(records.id, id));

    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    await runDigests(database, queue, mailer, at);
    const [mail, ...more] = sink.received.filter((m) => m.to.includes(supporterMe.email));
    expect(more).toEqual([]); // no separate emails for the kinds in the digest
    expect(mail!.subject).toBe("SecondLook: what is coming up in your cases");
    const caseUrl = `/cases/${f.caseId}`;
    expect(mail!.text).toMatch(new RegExp(`- A visit tomorrow at 10:00\\sAM \\(America/New_York time\\)\\. The visit packet: \\S+${caseUrl}/opinions/${tomorrowsVisit.id}/packet`));
    expect(mail!.text).toContain("- 1 task for you is overdue:");
    expect(mail!.text).toContain(`- 2 tasks for you are due today: http`);
    expect(mail!.text).toContain(`${caseUrl}/tasks`);
    expect(mail!.text).toContain("- 1 records request has had no answer for 10 days or more. Ask again:");
    expect(mail!.text).toContain(`${caseUrl}/records`);
    expect(mail!.text).toContain("- 2 tasks were given to you, or changed by someone else:");
    expect(mail!.text.match(/A visit tomorrow/g)).toHaveLength(1);
    for (const secret of ["SECRET", "oncology", "Nakamura", "MRI"]) expect(mail!.text).not.toContain(secret);
    expect(mail!.headers["list-unsubscribe"]).toContain("k=digest");

    // The viewer gets only the visit: viewers do not do tasks or chase records.
    const [viewerMail] = sink.received.filter((m) => m.to.includes(viewerMe.email));
    expect(viewerMail!.text).toContain("- A visit tomorrow at 10:00");
    expect(viewerMail!.text).not.toContain("task");
    expect(viewerMail!.text).not.toContain("records request");
    expect(sink.received.filter((m) => m.to.includes(ownerMe.email))).toEqual([]);

    // The digest's link stops the whole digest (every kind in it), not one kind.
    const link = new URL(mail!.headers["list-unsubscribe"]!.slice(1, -1));
    expect(await unsubscribeByLink(db, { u: link.searchParams.get("u"), k: link.searchParams.get("k"), t: link.searchParams.get("t") })).toBe("digest");
    expect((await f.supporter.notification.settings()).channels).toEqual({ assigned: "off", due: "off", visit: "off", new: "off" });
    expect((await f.viewer.notification.settings()).channels.visit).toBe("digest");
  });
});
