import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { activity, caseMembers, cases } from "@/db/schema";
import { ACTIVITY_PAGE_GROUPS, ACTIVITY_PAGE_ROWS } from "@/lib/activity";
import { CASE_EVENTS_CHANNEL, recordActivity, type CaseEvent } from "@/server/activity";
import { createAuthSession } from "@/server/auth/sessions";
import { createLogMailer } from "@/server/mail";
import { catalogues } from "@/server/i18n/catalogue";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { callerFor } from "../support/callers";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());
afterEach(async () => {
  await database.db.execute(sql`drop trigger if exists fail_activity on activity`);
});

const details = { patientName: "Lee", title: "Cardiology", understanding: "", decision: "", urgent: false };

describe("the activity spine", () => {
  it("a forced failure while writing the activity row leaves neither the change nor the row", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    const { id: caseId } = await caller.case.create(details);
    await database.db.execute(sql`
      create or replace function fail_activity() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$`);
    await database.db.execute(sql`create trigger fail_activity before insert on activity for each row execute function fail_activity()`);

    await expect(caller.case.update({ caseId, ...details, title: "Changed", version: 1 })).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
    });
    const [row] = await database.db.select({ title: cases.title, version: cases.version }).from(cases).where(eq(cases.id, caseId));
    expect(row).toEqual({ title: "Cardiology", version: 1 });
    const [n] = await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, caseId));
    expect(n?.n).toBe(1); // only "case.created"
  });

  it("announces committed changes on case_events (ids only), and never a rolled-back one", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    const { id: caseId } = await caller.case.create(details);
    const events: CaseEvent[] = [];
    let notify: () => void = () => {};
    const unlisten = await database.listen(CASE_EVENTS_CHANNEL, (payload) => {
      events.push(JSON.parse(payload) as CaseEvent);
      notify();
    });
    try {
      await database.db
        .transaction(async (tx) => {
          await recordActivity(tx, {
            caseId,
            actorId: owner.id,
            action: "case.updated",
            entityType: "case",
            entityId: caseId,
            summary: "rolled back",
          });
          throw new Error("roll back");
        })
        .catch(() => {});
      const arrived = new Promise<void>((resolve) => (notify = resolve));
      await caller.case.setArchived({ caseId, archived: true });
      await arrived;
      // Notifications arrive in commit order: had the rolled-back one been sent, it would be first.
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual({
        caseId,
        activityId: expect.any(String),
        actorId: owner.id,
        action: "case.archived",
        entityType: "case",
        entityId: caseId,
        visibility: "members",
        createdAt: expect.any(String),
      });
    } finally {
      await unlisten();
    }
  });
});

describe("the grouped, paged feed (activity.feed)", () => {
  const lines = (page: { groups: { actorName: string | null; label: string }[] }) => page.groups.map((g) => `${g.actorName}: ${g.label}`);

  it("groups runs of one person's action, and a hidden entry neither shows nor splits a run for those who cannot see it", async () => {
    const { caseId, owner, supporter, viewer } = await caseWithMembers(database.db);
    for (const body of ["one", "two", "three"]) await owner.note.create({ caseId, body, private: false });
    await supporter.note.create({ caseId, body: "only mine", private: true });
    for (const body of ["four", "five"]) await owner.note.create({ caseId, body, private: false });
    for (const text of ["Why now?", "What if we wait?"]) await supporter.question.create({ caseId, text });

    const forViewer = await viewer.activity.feed({ caseId });
    expect(lines(forViewer)).toEqual(["Sid Supporter: added 2 questions", "Olga Owner: wrote 5 notes"]);
    expect(forViewer.nextCursor).toBeNull();
    expect(forViewer.groups[1]!.items.map((i) => i.summary).join(" ")).not.toContain("only mine");
    expect(lines(await owner.activity.feed({ caseId }))).toEqual(lines(forViewer));
    expect(lines(await supporter.activity.feed({ caseId }))).toEqual([
      "Sid Supporter: added 2 questions",
      "Olga Owner: wrote 2 notes",
      "Sid Supporter: wrote a note",
      "Olga Owner: wrote 3 notes",
    ]);
    // The reader's own entries are not news to them; the others' are.
    const own = (await owner.activity.feed({ caseId })).groups;
    expect(own.map((g) => g.newestNewsAt !== null)).toEqual([true, false]);
  });

  it("pages on a cursor: every visible entry once, newest first, and the last page says there is no more", async () => {
    const { caseId, owner, supporter } = await caseWithMembers(database.db);
    for (let i = 0; i < 23; i++) await (i % 2 ? supporter : owner).question.create({ caseId, text: `Question ${i}` });

    const pages = [await owner.activity.feed({ caseId })];
    while (pages.at(-1)!.nextCursor) pages.push(await owner.activity.feed({ caseId, cursor: pages.at(-1)!.nextCursor! }));
    expect(pages.map((p) => p.groups.length)).toEqual([ACTIVITY_PAGE_GROUPS, ACTIVITY_PAGE_GROUPS, 23 - 2 * ACTIVITY_PAGE_GROUPS]);
    const ids = pages.flatMap((p) => p.groups.flatMap((g) => g.items.map((i) => i.id)));
    const all = await owner.activity.list({ caseId, limit: 100 });
    expect(ids).toEqual(all.map((a) => a.id));
    expect(pages.flatMap((p) => p.groups).every((g) => !g.continuesEarlier && !g.continuesLater)).toBe(true);
  });

  it("a run longer than a page is cut honestly: 'and more' on one page, 'continued' on the next", async () => {
    const { caseId, owner, supporter } = await caseWithMembers(database.db);
    await supporter.question.create({ caseId, text: "Before the notes" });
    const [ownerRow] = await database.db
      .select({ actorId: caseMembers.userId })
      .from(caseMembers)
      .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.role, "owner")));
    const actorId = ownerRow!.actorId;
    // One transaction: every entry has the same created_at, so the order rests on the id (the keyset's second key).
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < ACTIVITY_PAGE_ROWS + 5; i++) {
        await recordActivity(tx, { caseId, actorId, action: "note.created", entityType: "note", entityId: null, summary: `Note ${i}` });
      }
    });
    const first = await owner.activity.feed({ caseId });
    expect(first.groups).toHaveLength(1);
    expect(first.groups[0]).toMatchObject({ count: ACTIVITY_PAGE_ROWS, continuesEarlier: true, continuesLater: false });
    const second = await owner.activity.feed({ caseId, cursor: first.nextCursor! });
    expect(second.groups.map((g) => [g.label, g.continuesLater])).toEqual([
      ["wrote 5 notes", true],
      ["added a question", false],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("a cursor from another case finds nothing there, and one that is not an id is refused", async () => {
    const mine = await caseWithMembers(database.db);
    const theirs = await caseWithMembers(database.db);
    await theirs.owner.question.create({ caseId: theirs.caseId, text: "Theirs" });
    const [theirEntry] = (await theirs.owner.activity.feed({ caseId: theirs.caseId })).groups;
    expect(await mine.owner.activity.feed({ caseId: mine.caseId, cursor: theirEntry!.id })).toEqual({ groups: [], nextCursor: null });
    await expect(mine.owner.activity.feed({ caseId: mine.caseId, cursor: "not-an-id" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the feed in the reader's language", () => {
  it("a Spanish reader gets the actions, runs and summaries in Spanish; what people wrote stays as written", async () => {
    const owner = await createUser(database.db, { name: "Olga Owner" });
    const english = await callerFor(database.db, owner);
    const { id: caseId } = await english.case.create({ ...details, title: "Rodilla derecha" });
    for (const body of ["one", "two"]) await english.note.create({ caseId, body, private: false });
    const sessionId = await createAuthSession(database.db, owner.id);
    const spanish = createCaller(
      createContextInner({ db: database.db, session: { user: owner, sessionId }, mailer: createLogMailer(() => {}), locale: "es" }),
    );

    const feed = await spanish.activity.feed({ caseId });
    expect(feed.groups.map((g) => g.label)).toEqual(["escribió 2 notas", "creó el caso"]);
    expect(feed.groups[1]!.items[0]!.summary).toBe('Creó el caso "Rodilla derecha"');
    const inEnglish = await english.activity.feed({ caseId });
    expect(inEnglish.groups.map((g) => g.label)).toEqual(["wrote 2 notes", "created the case"]);
    expect(inEnglish.groups[1]!.items[0]!.summary).toBe('Created the case "Rodilla derecha"');
    // The access log speaks the owner's language too.
    const log = await spanish.accessLog.list({ caseId, kind: "change" });
    expect(log.entries.at(-1)!.label).toBe("creó el caso");
  });

  it("catalogue words inside a summary follow the reader too: a checklist step, a record's status", async () => {
    const owner = await createUser(database.db, { name: "Olga Owner" });
    const english = await callerFor(database.db, owner);
    const { id: caseId } = await english.case.create(details);
    await english.checklist.setTick({ caseId, item: "ask_to_explain", ticked: true });
    const record = await english.record.create({ caseId, title: "Resonancia", kind: "imaging_report", source: "", notes: "", private: false });
    await english.record.setStatus({ caseId, id: record.id, status: "received" });
    const sessionId = await createAuthSession(database.db, owner.id);
    const spanish = createCaller(
      createContextInner({ db: database.db, session: { user: owner, sessionId }, mailer: createLogMailer(() => {}), locale: "es" }),
    );

    const summaries = async (caller: typeof spanish) => (await caller.activity.list({ caseId, limit: 3 })).map((entry) => entry.summary);
    expect(await summaries(spanish)).toEqual([
      '"Resonancia": recibido',
      'Agregó "Resonancia" a los expedientes por conseguir',
      `Marcó "${catalogues.es.checklist.items.ask_to_explain.text}"`,
    ]);
    expect(await summaries(english)).toEqual([
      '"Resonancia": received',
      'Added "Resonancia" to the records to gather',
      `Ticked "${catalogues.en.checklist.items.ask_to_explain.text}"`,
    ]);
  });

  it("an entry written before summaries were references is shown as it was written", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    const { id: caseId } = await caller.case.create(details);
    await database.db.transaction((tx) =>
      recordActivity(tx, { caseId, actorId: owner.id, action: "note.created", entityType: "note", entityId: null, summary: "Wrote a note" }),
    );
    const [latest] = await caller.activity.list({ caseId, limit: 1 });
    expect(latest!.summary).toBe("Wrote a note");
  });
});
