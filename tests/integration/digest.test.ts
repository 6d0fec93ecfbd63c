/** The daily email digest, delivered to a real SMTP sink: opt-in, content, sending once, unsubscribing. */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity } from "@/db/schema";
import { sendDueDigests, unsubscribeByLink } from "@/server/digest/digest";
import { createSmtpMailer } from "@/server/mail";
import { translateRef } from "@/server/i18n/translator";
import { caseWithMembers } from "../support/case-with-members";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// Signs the unsubscribe links; set before the configuration is first read.
process.env.AUTH_SECRET ??= "digest-test-secret-digest-test-secret-0123";
process.env.SMTP_URL ??= "smtp://127.0.0.1:25";

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await database?.cleanup();
});

const DAY = 24 * 60 * 60 * 1000;

describe("email digest", () => {
  it("is off by default; once opted in, one digest per day with what others did, never others' private items; the link unsubscribes", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const supporterMe = await f.supporter.account.me();
    expect(await f.supporter.digest.setting()).toEqual({ optIn: false, mailConfigured: true });
    expect(await f.supporter.digest.set({ optIn: true })).toMatchObject({ optIn: true });

    await f.owner.question.create({ caseId: f.caseId, text: "What are the risks of waiting?" });
    await f.owner.note.create({ caseId: f.caseId, body: "My private worry", private: true });
    await f.owner.record.create({ caseId: f.caseId, title: "Counselling letter", kind: "other", source: "", notes: "", private: true });
    await f.supporter.question.create({ caseId: f.caseId, text: "My own question, not news to me" });

    // Two instances run the sender at the same moment: exactly one email.
    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    const tomorrow = new Date(Date.now() + DAY);
    const runs = await Promise.all([sendDueDigests(db, mailer, tomorrow), sendDueDigests(db, mailer, tomorrow)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
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
    expect(await sendDueDigests(db, mailer, new Date(tomorrow.getTime() + 60_000))).toEqual({ claimed: 0, sent: 0 });

    // One-click unsubscribe: the header for mail clients (RFC 8058) and a link in the text.
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["list-unsubscribe"]).toMatch(/^<http:\/\/.+\/api\/digest\/unsubscribe\?u=.+&t=.+>$/);
    const link = new URL(mail.text.match(/https?:\/\/\S+\/unsubscribe\?\S+/)![0]);
    const userId = link.searchParams.get("u")!;
    const token = link.searchParams.get("t")!;
    expect(await unsubscribeByLink(db, userId, `${token.slice(0, -1)}x`)).toBe(false);
    expect(await unsubscribeByLink(db, f.supporterId === userId ? userId : "", token)).toBe(true);
    expect(await f.supporter.digest.setting()).toMatchObject({ optIn: false });
    expect(await sendDueDigests(db, mailer, new Date(tomorrow.getTime() + 2 * DAY))).toEqual({ claimed: 0, sent: 0 });
  });

  it("says only how many changes per section: no item's title, medication, question or note text (issue 15 §4.11)", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    const viewerMe = await f.viewer.account.me();
    await f.viewer.digest.set({ optIn: true });

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
    expect(await sendDueDigests(db, mailer, new Date(Date.now() + DAY))).toMatchObject({ sent: 1 });
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

  it("a failed send gives the claim back for the next run", async () => {
    const db = database.db;
    const f = await caseWithMembers(db);
    await f.viewer.digest.set({ optIn: true });
    await f.owner.question.create({ caseId: f.caseId, text: "Anything new?" });
    const failing = { delivers: true, send: () => Promise.reject(new Error("mail server down")) };
    const later = new Date(Date.now() + DAY);
    const errors = console.error;
    console.error = () => {};
    try {
      expect(await sendDueDigests(db, failing, later)).toMatchObject({ sent: 0 });
    } finally {
      console.error = errors;
    }
    const mailer = createSmtpMailer(sink.url, "SecondLook <digest@test>");
    expect(await sendDueDigests(db, mailer, later)).toMatchObject({ sent: 1 });
  });
});
