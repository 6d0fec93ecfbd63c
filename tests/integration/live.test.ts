/**
 * Working together live: the event stream (consumed through the real caller's async iterable),
 * presence and unread counts. The dropped-connection and two-instance cases need a PostgreSQL
 * server (DATABASE_URL); on PGlite there is one process and no connection to drop.
 */
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { activity, caseMembers, casePresence } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { attachLiveHub, liveHubOf } from "@/server/live/hub";
import type { LiveMessage } from "@/lib/live";
import { callerFor } from "../support/callers";
import { subscribe, type Subscription } from "../support/live";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const onPostgres = Boolean(process.env.DATABASE_URL);

async function setup() {
  const db = database.db;
  const owner = await createUser(db, { name: "Olga Owner" });
  const supporter = await createUser(db, { name: "Sid Supporter" });
  const viewer = await createUser(db, { name: "Vi Viewer" });
  const { id: caseId } = await createCase(db, owner.id);
  await addMember(db, caseId, supporter.id, "supporter");
  const viewerMemberId = await addMember(db, caseId, viewer.id, "viewer");
  return {
    caseId,
    owner,
    supporter,
    viewer,
    viewerMemberId,
    ownerApi: await callerFor(db, owner),
    supporterApi: await callerFor(db, supporter),
    viewerApi: await callerFor(db, viewer),
  };
}

async function nextChange(sub: Subscription) {
  while (true) {
    const { message } = await sub.next();
    if (message.kind === "change") return message;
  }
}

const streams: Subscription[] = [];
async function open(...args: Parameters<typeof subscribe>) {
  const sub = await subscribe(...args);
  streams.push(sub);
  return sub;
}
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
});

describe("live events", () => {
  it("a committed change reaches the members' streams: who did what to which item, never its content", async () => {
    const f = await setup();
    const ownerStream = await open(database.db, f.owner, f.caseId);
    const viewerStream = await open(database.db, f.viewer, f.caseId);
    const question = await f.supporterApi.question.create({ caseId: f.caseId, text: "Is there a less invasive option?" });

    for (const stream of [ownerStream, viewerStream]) {
      const change = await nextChange(stream);
      expect(change).toEqual({
        kind: "change",
        caseId: f.caseId,
        activityId: expect.any(String),
        action: "question.created",
        entityType: "question",
        entityId: question.id,
        actor: { id: f.supporter.id, name: "Sid Supporter" },
      });
      expect(JSON.stringify(change)).not.toContain("invasive");
    }
  });

  it("a change in a rolled-back transaction is never sent", async () => {
    const f = await setup();
    const stream = await open(database.db, f.owner, f.caseId);
    await database.db
      .transaction(async (tx) => {
        await recordActivity(tx, {
          caseId: f.caseId,
          actorId: f.supporter.id,
          action: "question.created",
          entityType: "question",
          entityId: null,
          summary: "rolled back",
        });
        throw new Error("roll back");
      })
      .catch(() => {});
    await f.supporterApi.note.create({ caseId: f.caseId, body: "After the rollback", private: false });
    // Notifications arrive in commit order: had the rolled-back one been sent, it would come first.
    expect((await nextChange(stream)).action).toBe("note.created");
  });

  it("a member of another case receives nothing", async () => {
    const f = await setup();
    const other = await setup();
    const stream = await open(database.db, other.owner, other.caseId);
    await f.supporterApi.question.create({ caseId: f.caseId, text: "Not for the other case" });
    await other.supporterApi.question.create({ caseId: other.caseId, text: "For the other case" });
    const change = await nextChange(stream);
    expect(change.caseId).toBe(other.caseId);
  });

  it("private items produce no event for those who may not see them", async () => {
    const f = await setup();
    const ownerStream = await open(database.db, f.owner, f.caseId);
    const viewerStream = await open(database.db, f.viewer, f.caseId);
    const supporterStream = await open(database.db, f.supporter, f.caseId);
    // A private note: its author only. A private record: its author and the owner.
    const note = await f.supporterApi.note.create({ caseId: f.caseId, body: "Only mine", private: true });
    const record = await f.supporterApi.record.create({
      caseId: f.caseId,
      title: "Therapy letter",
      kind: "other",
      source: "",
      notes: "",
      private: true,
    });
    const barrier = await f.supporterApi.question.create({ caseId: f.caseId, text: "Shared with everyone" });

    expect(await nextChange(supporterStream)).toMatchObject({ entityType: "note", entityId: note.id });
    expect(await nextChange(ownerStream)).toMatchObject({ entityType: "record", entityId: record.id });
    expect(await nextChange(ownerStream)).toMatchObject({ entityId: barrier.id });
    expect(await nextChange(viewerStream)).toMatchObject({ entityId: barrier.id });
  });

  it("refuses a non-member and a lapsed member when the stream starts", async () => {
    const f = await setup();
    const outsider = await createUser(database.db);
    await expect(subscribe(database.db, outsider, f.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await database.db.update(caseMembers).set({ accessEndsAt: new Date(Date.now() - 1000) }).where(eq(caseMembers.id, f.viewerMemberId));
    await expect(subscribe(database.db, f.viewer, f.caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("ends an open stream when the member is removed, when access lapses, and when the case is deleted", async () => {
    const f = await setup();
    const viewerStream = await open(database.db, f.viewer, f.caseId);
    await f.ownerApi.member.remove({ caseId: f.caseId, memberId: f.viewerMemberId });
    await viewerStream.ended();
    expect(viewerStream.items.some((i) => i.message.kind === "change")).toBe(false);

    // A lapse happens without any event: the periodic re-check (forced here) ends the stream.
    const supporterStream = await open(database.db, f.supporter, f.caseId);
    await database.db
      .update(caseMembers)
      .set({ accessEndsAt: new Date(Date.now() - 1000) })
      .where(eq(caseMembers.userId, f.supporter.id));
    liveHubOf(database.db).recheckAll();
    await supporterStream.ended();

    const ownerStream = await open(database.db, f.owner, f.caseId);
    const theCase = await f.ownerApi.case.get({ caseId: f.caseId });
    await f.ownerApi.case.delete({ caseId: f.caseId, confirmTitle: theCase.title });
    await ownerStream.ended();
  });

  it("resumes after the last event id it got, without repeating it", async () => {
    const f = await setup();
    const first = await open(database.db, f.owner, f.caseId);
    await f.supporterApi.question.create({ caseId: f.caseId, text: "One" });
    const seen = await nextChange(first);
    await first.close();
    const missed = await f.supporterApi.question.create({ caseId: f.caseId, text: "Two" });
    const resumed = await open(database.db, f.owner, f.caseId, seen.activityId);
    expect(await nextChange(resumed)).toMatchObject({ entityId: missed.id });
  });

  it.runIf(onPostgres)("the LISTEN connection is re-established after it is killed, and events flow again", async () => {
    const f = await setup();
    const stream = await open(database.db, f.owner, f.caseId);
    const hub = liveHubOf(database.db);
    const before = hub.listenCount;
    // Both drivers return the rows; postgres.js as an array.
    const killed = (await database.db.execute(sql`
      select pg_terminate_backend(pid) as pid from pg_stat_activity
      where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()`)) as unknown as unknown[];
    // Many streams are open by now (earlier tests keep theirs), all on one LISTEN connection.
    expect(liveHubOf(database.db).listenCount).toBe(1);
    expect(killed.length).toBe(1);
    await hub.listenedMoreThan(before);
    const question = await f.supporterApi.question.create({ caseId: f.caseId, text: "After the reconnect" });
    const change = await nextChange(stream);
    expect(change.entityId).toBe(question.id);
  });

  it.runIf(onPostgres)("a change made through one app instance reaches a subscriber of another (one database)", async () => {
    if (database.target.kind !== "postgres") throw new Error("PostgreSQL only");
    const f = await setup();
    // Instance B: its own connection pool and its own hub with its own LISTEN, like a second process.
    const instanceB = openDatabase({ kind: "postgres", url: database.target.url, maxConnections: 2 });
    attachLiveHub(instanceB);
    try {
      const stream = await subscribe(instanceB.db, f.owner, f.caseId);
      const question = await f.supporterApi.question.create({ caseId: f.caseId, text: "Through instance A" });
      expect((await nextChange(stream)).entityId).toBe(question.id);
      await stream.close();
    } finally {
      await liveHubOf(instanceB.db).close();
      await instanceB.close();
    }
  });
});

describe("presence", () => {
  it("shows who else is here and where, announces arrivals, expires, and logs nothing", async () => {
    const f = await setup();
    const activityBefore = (await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, f.caseId)))[0]!.n;
    const ownerStream = await open(database.db, f.owner, f.caseId);
    expect(await f.ownerApi.live.heartbeat({ caseId: f.caseId, section: "overview" })).toEqual([]);
    const seenBySupporter = await f.supporterApi.live.heartbeat({ caseId: f.caseId, section: "questions" });
    expect(seenBySupporter).toEqual([{ userId: f.owner.id, name: "Olga Owner", section: "overview" }]);

    let message: LiveMessage;
    do message = (await ownerStream.next()).message;
    while (message.kind !== "presence");
    expect(await f.ownerApi.live.presence({ caseId: f.caseId })).toEqual([
      { userId: f.supporter.id, name: "Sid Supporter", section: "questions" },
    ]);

    // No heartbeat for longer than the TTL: gone.
    await database.db
      .update(casePresence)
      .set({ seenAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(casePresence.userId, f.supporter.id));
    expect(await f.ownerApi.live.presence({ caseId: f.caseId })).toEqual([]);

    const activityAfter = (await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, f.caseId)))[0]!.n;
    expect(activityAfter).toBe(activityBefore);
    expect(await f.ownerApi.live.unread({ caseId: f.caseId })).toMatchObject({ overview: 0, sharing: 0 });
  });

  it("tells a member when someone else arrives or moves, naming them, and never about their own heartbeats", async () => {
    const f = await setup();
    const ownerStream = await open(database.db, f.owner, f.caseId);
    // The owner's own arrival and move come first: were they passed on, they would be the first presence message.
    await f.ownerApi.live.heartbeat({ caseId: f.caseId, section: "overview" });
    await f.ownerApi.live.heartbeat({ caseId: f.caseId, section: "notes" });
    await f.supporterApi.live.heartbeat({ caseId: f.caseId, section: "questions" });
    let message: LiveMessage;
    do message = (await ownerStream.next()).message;
    while (message.kind !== "presence");
    expect(message).toEqual({ kind: "presence", caseId: f.caseId, userId: f.supporter.id });
  });

  it("closing the stream (the tab) removes the person at once", async () => {
    const f = await setup();
    const supporterStream = await subscribe(database.db, f.supporter, f.caseId);
    await f.supporterApi.live.heartbeat({ caseId: f.caseId, section: "notes" });
    expect(await f.ownerApi.live.presence({ caseId: f.caseId })).toHaveLength(1);
    await supporterStream.close();
    await expect.poll(() => f.ownerApi.live.presence({ caseId: f.caseId })).toEqual([]);
  });
});

describe("unread per section", () => {
  it("counts what others did since the member last looked at each section, privately, and clears when they look", async () => {
    const f = await setup();
    await f.ownerApi.live.markSectionSeen({ caseId: f.caseId, section: "questions" });
    await f.ownerApi.live.markSectionSeen({ caseId: f.caseId, section: "notes" });
    await f.supporterApi.question.create({ caseId: f.caseId, text: "First" });
    await f.supporterApi.question.create({ caseId: f.caseId, text: "Second" });
    await f.supporterApi.note.create({ caseId: f.caseId, body: "Shared", private: false });
    await f.supporterApi.note.create({ caseId: f.caseId, body: "Private", private: true });
    await f.ownerApi.question.create({ caseId: f.caseId, text: "My own: never new to me" });

    const unread = await f.ownerApi.live.unread({ caseId: f.caseId });
    expect(unread).toMatchObject({ questions: 2, notes: 1, records: 0 });
    expect((await f.supporterApi.live.unread({ caseId: f.caseId })).questions).toBe(1);

    // Marking a section seen answers with the counts from then on, as a fresh read gives them.
    expect(await f.ownerApi.live.markSectionSeen({ caseId: f.caseId, section: "questions" })).toMatchObject({ questions: 0, notes: 1 });
    expect(await f.ownerApi.live.unread({ caseId: f.caseId })).toMatchObject({ questions: 0, notes: 1 });
  });

  it("opening the overview is one mark: the case's visit and the overview seen, answered with the counts", async () => {
    const f = await setup();
    // An earlier look at the overview, then others' changes: to the case and to a section never opened.
    await f.supporterApi.live.markSectionSeen({ caseId: f.caseId, section: "overview" });
    await f.supporterApi.case.markSeen({ caseId: f.caseId });
    await f.ownerApi.case.setArchived({ caseId: f.caseId, archived: true });
    await f.ownerApi.question.create({ caseId: f.caseId, text: "Asked while they were away" });
    expect(await f.supporterApi.live.unread({ caseId: f.caseId })).toMatchObject({ overview: 1, questions: 1 });

    // The overview's mark clears both: the overview itself, and a section never opened (it counts
    // from the visit) — and its answer is what a fresh read gives.
    const answer = await f.supporterApi.case.markSeen({ caseId: f.caseId });
    expect(answer).toMatchObject({ overview: 0, questions: 0 });
    expect(await f.supporterApi.live.unread({ caseId: f.caseId })).toEqual(answer);
    expect((await f.supporterApi.case.list()).find((c) => c.id === f.caseId)?.newSinceLastVisit).toBe(0);
  });
});

describe("server shutdown", () => {
  it("ends open streams with a retryable error, so browsers reconnect instead of giving up", async () => {
    // A hub of its own, so closing it does not affect the other tests.
    const instance = openDatabase(database.target.kind === "postgres" ? { ...database.target, maxConnections: 2 } : { kind: "pglite" });
    await migrateDatabase(instance); // a no-op on the shared PostgreSQL database
    attachLiveHub(instance);
    try {
      const owner = await createUser(instance.db);
      const { id: caseId } = await createCase(instance.db, owner.id);
      const stream = await subscribe(instance.db, owner, caseId);
      await liveHubOf(instance.db).close();
      await expect(stream.ended()).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    } finally {
      await instance.close();
    }
  });
});
