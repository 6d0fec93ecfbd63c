/**
 * Visits on the calendar: a visit's time zone, place, link and companions through `opinion.*`; its
 * `.ics` download through the case route; and each person's private feed — the token (a wrong or
 * revoked one is a plain 404), renewal, and that it lists only the cases the person may open now and
 * nothing about anyone's health but the case title and the place. Dated open tasks are in the feed too,
 * as all-day events, and each has its own download. Calendars are read back with
 * ical.js, as a calendar app would.
 */
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { cases, users } from "@/db/schema";
import type { AppSession } from "@/server/auth";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { GET as feedRoute } from "@/app/api/calendar/[token]/route";
import { GET as visitRoute } from "@/app/api/cases/[caseId]/opinions/[opinionId]/calendar/route";
import { GET as taskRoute } from "@/app/api/cases/[caseId]/tasks/[taskId]/calendar/route";
import { zonedTimeToDate } from "@/lib/time-zone";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
});
afterAll(() => database?.cleanup());

const OPINION = {
  label: "Second opinion",
  clinician: "Dr Ana Núñez",
  specialty: "Oncology",
  institution: "Clínica Norte",
  kind: "subspecialist",
  status: "scheduled",
  inNetwork: "unknown",
  referralNeeded: "unknown",
  preApprovalNeeded: "unknown",
  expectedCosts: "",
} as const;

/** 10:00 on 2 March 2026 at a clinic in Madrid: 09:00 UTC (Madrid is UTC+1 in winter). */
const MADRID_TEN = zonedTimeToDate("2026-03-02", "10:00", "Europe/Madrid")!;

async function people() {
  const db = database.db;
  const owner = await createUser(db, { name: "Olga Owner" });
  const supporter = await createUser(db, { name: "Sid Supporter" });
  const viewer = await createUser(db, { name: "Vi Viewer" });
  const created = await createCase(db, owner.id, { title: "Knee: surgery or physio" });
  await addMember(db, created.id, supporter.id, "supporter");
  const viewerMemberId = await addMember(db, created.id, viewer.id, "viewer");
  return {
    caseId: created.id,
    owner,
    supporter,
    viewer,
    viewerMemberId,
    asOwner: await callerFor(db, owner),
    asSupporter: await callerFor(db, supporter),
    asViewer: await callerFor(db, viewer),
  };
}

type Person = { id: string; name: string; email: string };
const signIn = (user: Person | null) => {
  routeEnv.session = user ? { user: { id: user.id, name: user.name, email: user.email }, sessionId: "test" } : null;
};

const downloadVisit = (caseId: string, opinionId: string) =>
  visitRoute(new Request(`http://localhost/api/cases/${caseId}/opinions/${opinionId}/calendar`), { params: Promise.resolve({ caseId, opinionId }) });

const downloadTask = (caseId: string, taskId: string) =>
  taskRoute(new Request(`http://localhost/api/cases/${caseId}/tasks/${taskId}/calendar`), { params: Promise.resolve({ caseId, taskId }) });

/** What a calendar app does with a feed address: GET it, no cookies. */
const readFeed = (address: string) => {
  const token = new URL(address).pathname.split("/").pop()!;
  return feedRoute(new Request(address), { params: Promise.resolve({ token }) });
};

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { summary: event.summary, start: event.startDate.toJSDate(), startText: vevent.getFirstPropertyValue("dtstart")?.toString(), location: event.location, description: event.description, uid: event.uid };
  });
}

describe("a visit's time zone, place and companions", () => {
  it("keeps the zone it was booked in, so 10:00 in Madrid is 10:00 in Madrid for a reader anywhere", async () => {
    const p = await people();
    const created = await p.asSupporter.opinion.create({
      caseId: p.caseId,
      ...OPINION,
      visitAt: MADRID_TEN,
      visitTimeZone: "Europe/Madrid",
      visitPlace: "Calle Mayor 1, Madrid",
      visitLink: "",
      comingAlong: [p.supporter.id, p.viewer.id],
    });
    expect(MADRID_TEN.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    const [seen] = await p.asViewer.opinion.list({ caseId: p.caseId });
    expect(seen).toMatchObject({ id: created.id, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid", visitPlace: "Calle Mayor 1, Madrid" });
    expect(new Set(seen!.comingAlong)).toEqual(new Set([p.supporter.id, p.viewer.id]));
    // In summer Madrid is UTC+2: the same wall time is another UTC instant.
    expect(zonedTimeToDate("2026-07-01", "10:00", "Europe/Madrid")!.toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });

  it("refuses an unknown zone, a link that is not a web address, and someone who is not in the case", async () => {
    const p = await people();
    const outsider = await createUser(database.db, { name: "Otto Outsider" });
    const base = { caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" };
    await expect(p.asOwner.opinion.create({ ...base, visitTimeZone: "Mars/Olympus_Mons" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(p.asOwner.opinion.create({ ...base, visitTimeZone: "+01:00" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(p.asOwner.opinion.create({ ...base, visitLink: "javascript:alert(1)" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(p.asOwner.opinion.create({ ...base, comingAlong: [outsider.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "comingAlong" },
    });
    expect(await p.asOwner.opinion.list({ caseId: p.caseId })).toEqual([]);
  });

  it("drops a removed member from who is coming along, and versioned edits of the visit still conflict", async () => {
    const p = await people();
    const created = await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid", comingAlong: [p.viewer.id] });
    await p.asOwner.member.remove({ caseId: p.caseId, memberId: p.viewerMemberId });
    const [after] = await p.asOwner.opinion.list({ caseId: p.caseId });
    expect(after!.comingAlong).toEqual([]);

    const edit = { caseId: p.caseId, id: created.id, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "America/New_York", version: created.version };
    const saved = await p.asSupporter.opinion.update(edit);
    expect(saved).toMatchObject({ visitTimeZone: "America/New_York", version: created.version + 1 });
    await expect(p.asOwner.opinion.update({ ...edit, visitPlace: "Elsewhere" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { visitTimeZone: "America/New_York", version: created.version + 1 } },
    });
  });
});

describe("a visit's .ics download", () => {
  it("parses, and names the visit's UTC instant, the case title and the place", async () => {
    const p = await people();
    const visit = await p.asOwner.opinion.create({
      caseId: p.caseId,
      ...OPINION,
      visitAt: MADRID_TEN,
      visitTimeZone: "Europe/Madrid",
      visitPlace: "Calle Mayor 1, Madrid",
    });
    signIn(p.viewer);
    const response = await downloadVisit(p.caseId, visit.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const [event, ...more] = events(await response.text());
    expect(more).toEqual([]);
    expect(event).toMatchObject({ summary: "Visit: Knee: surgery or physio", location: "Calle Mayor 1, Madrid", uid: `visit-${visit.id}@secondlook` });
    expect(event!.start.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(event!.startText).toBe("2026-03-02T09:00:00Z");
    // The zone it was booked in is named, at its own clock time.
    expect(event!.description).toContain("10:00");
    expect(event!.description).toContain("Madrid time (UTC+01:00)");
  });

  it("is refused to outsiders and the signed-out exactly like other case routes, and is 404 for a visit without a date", async () => {
    const p = await people();
    const outsider = await createUser(database.db, { name: "Otto Outsider" });
    const dated = await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" });
    const undated = await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: null });
    signIn(null);
    expect((await downloadVisit(p.caseId, dated.id)).status).toBe(401);
    signIn(outsider);
    expect((await downloadVisit(p.caseId, dated.id)).status).toBe(404);
    signIn(p.owner);
    expect((await downloadVisit(p.caseId, undated.id)).status).toBe(404);
    // An opinion id from another case finds nothing here.
    const other = await createCase(database.db, outsider.id);
    signIn(outsider);
    expect((await downloadVisit(other.id, dated.id)).status).toBe(404);
  });
});

describe("the private calendar feed", () => {
  it("is a long random address shown once; a wrong, malformed or revoked token is a plain 404 that says nothing more", async () => {
    const p = await people();
    await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" });
    expect(await p.asOwner.calendar.feed()).toEqual({ on: false, createdAt: null });
    const made = await p.asOwner.calendar.renewFeed();
    expect(made.https).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.webcal).toBe(made.https.replace(/^http:/, "webcal:"));
    expect(await p.asOwner.calendar.feed()).toEqual({ on: true, createdAt: made.createdAt });

    const good = await readFeed(made.https);
    expect(good.status).toBe(200);
    expect(good.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(events(await good.text())).toHaveLength(1);

    const wrong = made.https.replace(/[A-Za-z0-9_-]{43}/, "A".repeat(43));
    const malformed = made.https.replace(/[A-Za-z0-9_-]{43}/, "short");
    const answers = await Promise.all([readFeed(wrong), readFeed(malformed)]);
    await p.asOwner.calendar.revokeFeed();
    answers.push(await readFeed(made.https));
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(await answer.text()).toBe("Not found");
    }
    expect(await p.asOwner.calendar.feed()).toEqual({ on: false, createdAt: null });
  });

  it("stops answering at the old address when a new one is made", async () => {
    const p = await people();
    const first = await p.asSupporter.calendar.renewFeed();
    const second = await p.asSupporter.calendar.renewFeed();
    expect(second.https).not.toBe(first.https);
    expect((await readFeed(first.https)).status).toBe(404);
    expect((await readFeed(second.https)).status).toBe(200);
  });

  it("needs a session to manage, and is each person's own", async () => {
    const { anonymousCaller } = await import("../support/callers");
    await expect(anonymousCaller(database.db).calendar.renewFeed()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const p = await people();
    await p.asOwner.calendar.renewFeed();
    expect(await p.asViewer.calendar.feed()).toEqual({ on: false, createdAt: null });
  });

  it("lists only the cases the person may open now, and nothing about health beyond the case title and the place", async () => {
    const p = await people();
    const db = database.db;
    await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid", visitPlace: "Calle Mayor 1" });
    await p.asSupporter.note.create({ caseId: p.caseId, body: "PRIVATE-NOTE: worried about the biopsy", private: true });
    await p.asOwner.record.create({ caseId: p.caseId, title: "PRIVATE-RECORD psychiatry letter", kind: "clinic_notes", source: "", notes: "", private: true });

    // A second case the viewer is in only until yesterday, and a third nobody here is in.
    const lapsedCase = await createCase(db, p.owner.id, { title: "Lapsed case" });
    await addMember(db, lapsedCase.id, p.viewer.id, "viewer", { accessEndsAt: new Date(Date.now() - 60_000) });
    await p.asOwner.opinion.create({ caseId: lapsedCase.id, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" });
    const stranger = await createUser(db, { name: "Stranger" });
    const elsewhere = await createCase(db, stranger.id, { title: "Someone else's case" });
    await (await callerFor(db, stranger)).opinion.create({ caseId: elsewhere.id, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" });

    const ownerFeed = await readFeed((await p.asOwner.calendar.renewFeed()).https);
    const ownerText = await ownerFeed.text();
    expect(events(ownerText).map((e) => e.summary).sort()).toEqual(["Visit: Knee: surgery or physio", "Visit: Lapsed case"]);
    for (const secret of ["PRIVATE-NOTE", "PRIVATE-RECORD", "Dr Ana", "Oncology", "Clínica Norte", "Someone else"]) expect(ownerText).not.toContain(secret);

    const viewerAddress = (await p.asViewer.calendar.renewFeed()).https;
    const viewerEvents = events(await (await readFeed(viewerAddress)).text());
    expect(viewerEvents.map((e) => e.summary)).toEqual(["Visit: Knee: surgery or physio"]);
    expect(viewerEvents[0]!.location).toBe("Calle Mayor 1");

    // Removed: the same address, read again, no longer lists the case.
    await p.asOwner.member.remove({ caseId: p.caseId, memberId: p.viewerMemberId });
    const afterRemoval = await readFeed(viewerAddress);
    expect(afterRemoval.status).toBe(200);
    expect(events(await afterRemoval.text())).toEqual([]);
  });

  it("leaves out a case that requires two-step sign-in from a member without it, as the app does", async () => {
    const p = await people();
    await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" });
    await database.db.update(cases).set({ requireTwoStep: true }).where(eq(cases.id, p.caseId));
    const address = (await p.asSupporter.calendar.renewFeed()).https;
    expect(events(await (await readFeed(address)).text())).toEqual([]);
  });

  it("is written in the person's language", async () => {
    const p = await people();
    await database.db.update(users).set({ locale: "es" }).where(eq(users.id, p.supporter.id));
    await p.asOwner.opinion.create({ caseId: p.caseId, ...OPINION, visitAt: MADRID_TEN, visitTimeZone: "Europe/Madrid" });
    const text = await (await readFeed((await p.asSupporter.calendar.renewFeed()).https)).text();
    expect(events(text)[0]!.summary).toBe("Cita: Knee: surgery or physio");
    expect(text).toContain("X-WR-CALNAME:Citas y tareas de SecondLook");
  });

  it("goes with the account", async () => {
    const p = await people();
    const address = (await p.asViewer.calendar.renewFeed()).https;
    await database.db.delete(users).where(eq(users.id, p.viewer.id));
    expect((await readFeed(address)).status).toBe(404);
  });
});

describe("dated tasks on the calendar", () => {
  const TASK = { title: "PRIVATE-TASK ask about the biopsy", note: "PRIVATE-NOTE slides from Dr Ana", link: null };

  it("the feed lists the open dated tasks of the reader's cases as all-day events; a done one leaves it", async () => {
    const p = await people();
    const dated = await p.asOwner.task.create({ caseId: p.caseId, ...TASK, assigneeId: p.supporter.id, dueOn: "2026-03-05" });
    await p.asOwner.task.create({ caseId: p.caseId, ...TASK, assigneeId: null, dueOn: null });
    const forAnyone = await p.asSupporter.task.create({ caseId: p.caseId, ...TASK, assigneeId: null, dueOn: "2026-03-09" });
    // A task in a case the viewer is not in.
    const stranger = await createUser(database.db, { name: "Stranger" });
    const elsewhere = await createCase(database.db, stranger.id, { title: "Someone else's case" });
    await (await callerFor(database.db, stranger)).task.create({ caseId: elsewhere.id, ...TASK, assigneeId: null, dueOn: "2026-03-05" });

    const viewerAddress = (await p.asViewer.calendar.renewFeed()).https;
    const text = await (await readFeed(viewerAddress)).text();
    const tasks = events(text).filter((e) => e.uid.startsWith("task-"));
    expect(tasks.map((e) => [e.uid, e.summary, e.startText])).toEqual([
      [`task-${dated.id}@secondlook`, "Task due: Knee: surgery or physio", "2026-03-05"],
      [`task-${forAnyone.id}@secondlook`, "Task due: Knee: surgery or physio", "2026-03-09"],
    ]);
    expect(text).toContain("DTSTART;VALUE=DATE:20260305");
    expect(text).toContain("DTEND;VALUE=DATE:20260306");
    expect(tasks[0]!.description).toContain("For Sid Supporter.");
    expect(tasks[0]!.description).toContain(`/cases/${p.caseId}/tasks#task-${dated.id}`);
    expect(tasks[1]!.description).toContain("For anyone in the case who can edit.");
    // Nothing of the task beyond its day and who it is for; nothing of another case.
    for (const secret of ["PRIVATE-TASK", "PRIVATE-NOTE", "biopsy", "Someone else"]) expect(text).not.toContain(secret);

    // The assignee reads "For you"; once done, the task leaves everyone's feed at the next read.
    const supporterAddress = (await p.asSupporter.calendar.renewFeed()).https;
    expect(events(await (await readFeed(supporterAddress)).text()).find((e) => e.uid === `task-${dated.id}@secondlook`)?.description).toContain("For you.");
    await p.asSupporter.task.setDone({ caseId: p.caseId, id: dated.id, version: dated.version, done: true });
    expect(events(await (await readFeed(viewerAddress)).text()).map((e) => e.uid)).toEqual([`task-${forAnyone.id}@secondlook`]);

    // Removed from the case: its tasks go with it.
    await p.asOwner.member.remove({ caseId: p.caseId, memberId: p.viewerMemberId });
    expect(events(await (await readFeed(viewerAddress)).text())).toEqual([]);
  });

  it("each dated task downloads as an .ics for any member; undated is 404, outsiders 404, signed out 401", async () => {
    const p = await people();
    const outsider = await createUser(database.db, { name: "Otto Outsider" });
    const dated = await p.asOwner.task.create({ caseId: p.caseId, ...TASK, assigneeId: null, dueOn: "2026-11-01" });
    const undated = await p.asOwner.task.create({ caseId: p.caseId, ...TASK, assigneeId: null, dueOn: null });
    signIn(p.viewer);
    const response = await downloadTask(p.caseId, dated.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const body = await response.text();
    expect(events(body).map((e) => [e.summary, e.startText])).toEqual([["Task due: Knee: surgery or physio", "2026-11-01"]]);
    expect(body).not.toContain("PRIVATE-TASK");
    expect((await downloadTask(p.caseId, undated.id)).status).toBe(404);
    signIn(null);
    expect((await downloadTask(p.caseId, dated.id)).status).toBe(401);
    signIn(outsider);
    expect((await downloadTask(p.caseId, dated.id)).status).toBe(404);
    const other = await createCase(database.db, outsider.id);
    expect((await downloadTask(other.id, dated.id)).status).toBe(404);
  });
});
