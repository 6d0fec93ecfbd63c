import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageRef } from "@/lib/i18n/message-ref";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const setup = () => caseWithMembers(database.db);

describe("notes", () => {
  it("show their author and time, filter by author, and viewers only read them", async () => {
    const { caseId, owner, supporter, viewer, supporterId } = await setup();
    await owner.note.create({ caseId, body: "Called the clinic.", private: false });
    const mine = await supporter.note.create({ caseId, body: "**Dr Lee** said: wait *two weeks*.", private: false });
    expect(mine).toMatchObject({ authorName: "Sid Supporter", private: false, version: 1 });
    expect(mine.createdAt).toBeInstanceOf(Date);
    expect((await viewer.note.list({ caseId })).map((n) => n.authorName)).toEqual(["Sid Supporter", "Olga Owner"]);
    expect((await viewer.note.list({ caseId, authorId: supporterId })).map((n) => n.body)).toEqual([mine.body]);
    await expect(viewer.note.create({ caseId, body: "hi", private: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a limit gives the newest notes the reader may see, newest first (the notes page's first screenful)", async () => {
    const { caseId, owner, supporter } = await setup();
    for (const body of ["first", "second", "third"]) await owner.note.create({ caseId, body, private: false });
    await owner.note.create({ caseId, body: "private fourth", private: true });
    expect((await supporter.note.list({ caseId, limit: 2 })).map((n) => n.body)).toEqual(["third", "second"]);
    expect((await owner.note.list({ caseId, limit: 2 })).map((n) => n.body)).toEqual(["private fourth", "third"]);
    await expect(owner.note.list({ caseId, limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a private note is seen by its author only — not the owner — in lists, edits, deletes and the activity feed", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    const secret = await supporter.note.create({ caseId, body: "I am worried about the cost.", private: true });
    expect((await supporter.note.list({ caseId })).map((n) => n.id)).toContain(secret.id);
    expect(await owner.note.list({ caseId })).toEqual([]);
    expect(await viewer.note.list({ caseId })).toEqual([]);
    await expect(owner.note.delete({ caseId, id: secret.id, version: secret.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await owner.activity.list({ caseId })).some((a) => a.entityId === secret.id)).toBe(false);
    expect((await owner.case.list()).find((c) => c.id === caseId)?.newSinceLastVisit).toBe(0);
    const feed = await supporter.activity.list({ caseId });
    expect(feed.find((a) => a.entityId === secret.id)?.summary).toBe("Wrote a private note");
    expect(JSON.stringify(feed)).not.toContain("worried");
  });

  it("authors edit their own notes; the owner may delete any note they can see", async () => {
    const { caseId, owner, supporter } = await setup();
    const note = await supporter.note.create({ caseId, body: "Draft", private: false });
    await expect(owner.note.update({ caseId, id: note.id, version: 1, body: "Owner rewrite", private: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: messageRef("notes.errors.editOwnOnly"),
    });
    const ownerNote = await owner.note.create({ caseId, body: "Owner's", private: false });
    await expect(supporter.note.delete({ caseId, id: ownerNote.id, version: ownerNote.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: messageRef("notes.errors.deleteOwnOnly"),
    });
    await owner.note.delete({ caseId, id: note.id, version: note.version });
    expect((await owner.note.list({ caseId })).map((n) => n.body)).toEqual(["Owner's"]);
  });

  it("two concurrent saves of the same note: exactly one wins, the other gets CONFLICT with the current text, nothing is lost", async () => {
    const { caseId, supporter } = await setup();
    const note = await supporter.note.create({ caseId, body: "Visit notes", private: false });
    const results = await Promise.allSettled([
      supporter.note.update({ caseId, id: note.id, version: 1, body: "Visit notes — tab one", private: false }),
      supporter.note.update({ caseId, id: note.id, version: 1, body: "Visit notes — tab two", private: false }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ body: string; version: number }>[];
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(won[0]!.value.version).toBe(2);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", cause: { current: { body: won[0]!.value.body, version: 2 } } });
    expect((await supporter.note.list({ caseId }))[0]?.body).toBe(won[0]!.value.body);
  });

  it("refuse empty or oversized text and ids from another case", async () => {
    const mine = await setup();
    const theirs = await setup();
    await expect(mine.owner.note.create({ caseId: mine.caseId, body: "  ", private: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(mine.owner.note.create({ caseId: mine.caseId, body: "x".repeat(20_001), private: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const theirNote = await theirs.owner.note.create({ caseId: theirs.caseId, body: "Theirs", private: false });
    await expect(mine.owner.note.delete({ caseId: mine.caseId, id: theirNote.id, version: theirNote.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await mine.owner.note.list({ caseId: mine.caseId })).toEqual([]);
    expect((await theirs.owner.note.list({ caseId: theirs.caseId })).map((n) => n.body)).toEqual(["Theirs"]);
  });
});
