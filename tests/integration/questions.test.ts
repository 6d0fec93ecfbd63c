import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyLocale } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { createAuthSession } from "@/server/auth/sessions";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { catalogues } from "@/server/i18n/catalogue";
import { createLogMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { caseWithMembers } from "../support/case-with-members";
import { OPINION_FIELDS } from "../support/sample-fields";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const setup = () => caseWithMembers(database.db);

/** A signed-in caller whose requests are in `locale` (as server/context.ts sets it from the account). */
async function callerIn(locale: AnyLocale, user: { id: string; name: string; email: string }) {
  const sessionId = await createAuthSession(database.db, user.id);
  const session = { user: { id: user.id, name: user.name, email: user.email }, sessionId };
  return createCaller(createContextInner({ db: database.db, session, mailer: createLogMailer(() => {}), locale }));
}

describe("questions", () => {
  it("are added from the bank in one step, once each, and written by hand", async () => {
    const { caseId, supporter, owner } = await setup();
    const fromBank = await supporter.question.addFromBank({ caseId, bankKey: "urgency-wait" });
    expect(fromBank).toMatchObject({
      text: catalogues.en.questions.bank["urgency-wait"],
      bankKey: "urgency-wait",
      authorName: "Sid Supporter",
      position: 0,
    });
    await expect(owner.question.addFromBank({ caseId, bankKey: "urgency-wait" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("questions.errors.alreadyAdded"),
      cause: { field: "bankKey" },
    });
    await expect(owner.question.addFromBank({ caseId, bankKey: "not-a-key" as "urgency-wait" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const own = await owner.question.create({ caseId, text: "  Can I keep working during treatment?  " });
    expect(own).toMatchObject({ text: "Can I keep working during treatment?", bankKey: null, position: 1 });
    await expect(owner.question.create({ caseId, text: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.question.create({ caseId, text: "x".repeat(501) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.question.list({ caseId })).toHaveLength(2);
  });

  it("from the bank are written in the adding person's language, and then read as written by everyone", async () => {
    const owner = await createUser(database.db, { name: "Olga Owner" });
    const hija = await createUser(database.db, { name: "Lucía Hija" });
    const { id: caseId } = await createCase(database.db, owner.id);
    await addMember(database.db, caseId, hija.id, "supporter");
    const inSpanish = await callerIn("es", hija);
    const inEnglish = await callerIn("en", owner);

    const added = await inSpanish.question.addFromBank({ caseId, bankKey: "options-why" });
    expect(added).toMatchObject({ text: catalogues.es.questions.bank["options-why"], bankKey: "options-why" });
    expect(added.text).toBe("¿Por qué prefiere esta opción y no las otras?");
    // It is her question now: the English reader sees her words, not a translation.
    expect((await inEnglish.question.list({ caseId })).map((q) => q.text)).toEqual([added.text]);
    // Once added, in any language, the suggestion is on the list.
    await expect(inEnglish.question.addFromBank({ caseId, bankKey: "options-why" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("questions.errors.alreadyAdded"),
    });
    // The pseudo-locale is a layout check, not a language to store: its person gets English.
    const pseudo = await callerIn("en-XA", owner);
    expect((await pseudo.question.addFromBank({ caseId, bankKey: "next-steps" })).text).toBe(catalogues.en.questions.bank["next-steps"]);
  });

  it("are pinned, reordered, marked asked and answered with who recorded the answer", async () => {
    const { caseId, supporter, owner, viewer } = await setup();
    const a = await owner.question.create({ caseId, text: "A?" });
    const b = await owner.question.create({ caseId, text: "B?" });
    const c = await owner.question.create({ caseId, text: "C?" });

    await supporter.question.setFlags({ caseId, id: b.id, pinned: true });
    await supporter.question.reorder({ caseId, ids: [c.id, a.id, b.id] });
    const listed = await viewer.question.list({ caseId });
    expect(listed.map((q) => q.text)).toEqual(["C?", "A?", "B?"]);
    expect(listed.filter((q) => q.pinned).map((q) => q.text)).toEqual(["B?"]);

    const asked = await supporter.question.setFlags({ caseId, id: a.id, asked: true });
    expect(asked.askedAt).toBeInstanceOf(Date);
    const answered = await supporter.question.answer({ caseId, id: c.id, version: c.version, answer: "Within two weeks." });
    expect(answered).toMatchObject({ answer: "Within two weeks.", answeredByName: "Sid Supporter", version: 2 });
    expect(answered.answeredAt).toBeInstanceOf(Date);
    expect(answered.askedAt).toBeInstanceOf(Date);

    expect((await viewer.question.list({ caseId, status: "answered" })).map((q) => q.text)).toEqual(["C?"]);
    expect((await viewer.question.list({ caseId, status: "open" })).map((q) => q.text)).toEqual(["A?", "B?"]);
    await expect(viewer.question.answer({ caseId, id: a.id, version: 1, answer: "no" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("never lose an edit: of two saves from the same version, one wins and the other gets CONFLICT with the saved text", async () => {
    const { caseId, supporter, owner } = await setup();
    const q = await owner.question.create({ caseId, text: "Original" });
    const results = await Promise.allSettled([
      owner.question.update({ caseId, id: q.id, version: 1, text: "Owner's words" }),
      supporter.question.update({ caseId, id: q.id, version: 1, text: "Supporter's words" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const saved = (won[0] as PromiseFulfilledResult<{ text: string }>).value.text;
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", cause: { current: { text: saved, version: 2 } } });
    expect((await owner.question.list({ caseId }))[0]?.text).toBe(saved);
  });

  it("reorder a part of the list among the places it holds, the rest staying put; a repeated or foreign id moves nothing", async () => {
    const { caseId, owner } = await setup();
    const other = await setup();
    const a = await owner.question.create({ caseId, text: "A?" });
    const b = await owner.question.create({ caseId, text: "B?" });
    const c = await owner.question.create({ caseId, text: "C?" });
    const d = await owner.question.create({ caseId, text: "D?" });
    const texts = async () => (await owner.question.list({ caseId })).map((q) => q.text).join(" ");
    // Only B and D, say a group of the list: they swap places, A and C do not move.
    await owner.question.reorder({ caseId, ids: [d.id, b.id] });
    expect(await texts()).toBe("A? D? C? B?");
    const foreign = await other.owner.question.create({ caseId: other.caseId, text: "Elsewhere?" });
    const listChanged = { code: "BAD_REQUEST", message: messageRef("errors.listChanged"), cause: { field: "ids" } };
    await expect(owner.question.reorder({ caseId, ids: [a.id, a.id] })).rejects.toMatchObject(listChanged);
    await expect(owner.question.reorder({ caseId, ids: [c.id, foreign.id] })).rejects.toMatchObject(listChanged);
    expect(await texts()).toBe("A? D? C? B?");
  });

  it("are listed by group and visit, and summed up for the groups a page does not send", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    const visit = await owner.opinion.create({ caseId, ...OPINION_FIELDS });
    const add = (text: string, opinionId: string | null = null) => owner.question.create({ caseId, text, opinionId });
    const pinned = await add("Pinned?", visit.id);
    const asked = await add("Asked?");
    const answered = await add("Answered?", visit.id);
    await add("Waiting?");
    await supporter.question.addFromBank({ caseId, bankKey: "recovery" });
    await supporter.question.setFlags({ caseId, id: pinned.id, pinned: true });
    await supporter.question.setFlags({ caseId, id: asked.id, asked: true });
    await supporter.question.answer({ caseId, id: answered.id, version: answered.version, answer: "Yes." });

    const texts = async (input: Parameters<typeof viewer.question.list>[0]) => (await viewer.question.list(input)).map((q) => q.text);
    expect(await texts({ caseId, groups: ["priority"] })).toEqual(["Pinned?"]);
    expect(await texts({ caseId, groups: ["priority", "asked"] })).toEqual(["Pinned?", "Asked?"]);
    expect(await texts({ caseId, groups: ["not-asked"] })).toEqual(["Waiting?", catalogues.en.questions.bank.recovery]);
    expect(await texts({ caseId, groups: [] })).toEqual([]);
    expect(await texts({ caseId, opinionId: visit.id })).toEqual(["Pinned?", "Answered?"]);
    expect(await texts({ caseId, opinionId: null, groups: ["answered", "asked"] })).toEqual(["Asked?"]);

    expect(await viewer.question.summary({ caseId })).toEqual({
      counts: { priority: 1, "not-asked": 2, asked: 1, answered: 1 },
      total: 5,
      pinned: 1,
      bankKeys: ["recovery"],
    });
    // Under a visit filter the groups count that visit's questions; the whole list's figures stay whole.
    expect(await viewer.question.summary({ caseId, opinionId: visit.id })).toMatchObject({
      counts: { priority: 1, "not-asked": 0, asked: 0, answered: 1 },
      total: 5,
      pinned: 1,
    });
  });

  it("cannot be touched through another case", async () => {
    const mine = await setup();
    const theirs = await setup();
    const q = await theirs.owner.question.create({ caseId: theirs.caseId, text: "Theirs?" });
    await expect(mine.owner.question.update({ caseId: mine.caseId, id: q.id, version: 1, text: "Hijacked" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(mine.owner.question.answer({ caseId: mine.caseId, id: q.id, version: 1, answer: "Hijacked" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(mine.owner.question.delete({ caseId: mine.caseId, id: q.id, version: q.version })).rejects.toMatchObject({ code: "NOT_FOUND", message: messageRef("questions.errors.gone") });
    await expect(mine.owner.question.setFlags({ caseId: mine.caseId, id: q.id, pinned: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await theirs.owner.question.list({ caseId: theirs.caseId }))[0]).toMatchObject({ text: "Theirs?", pinned: false });
  });

  it("are read one at a time, as a live list does after a change: as they are now, null once removed, never another case's", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    const q = await supporter.question.create({ caseId, text: "Is it urgent?" });
    await supporter.question.setFlags({ caseId, id: q.id, pinned: true });
    // Every member reads it as the list would show it, the viewer included.
    const read = await viewer.question.get({ caseId, id: q.id });
    expect(read).toEqual((await viewer.question.list({ caseId }))[0]);
    expect(read).toMatchObject({ id: q.id, text: "Is it urgent?", pinned: true, authorName: "Sid Supporter" });

    await owner.question.delete({ caseId, id: q.id, version: q.version });
    expect(await viewer.question.get({ caseId, id: q.id })).toBeNull();

    // Another case's question, asked for through this case, is as absent as a removed one.
    const other = await setup();
    const theirs = await other.owner.question.create({ caseId: other.caseId, text: "Theirs?" });
    expect(await owner.question.get({ caseId, id: theirs.id })).toBeNull();
    // Through its own case, only its members may read it.
    await expect(owner.question.get({ caseId: other.caseId, id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("are removed with an activity entry", async () => {
    const { caseId, owner, supporter } = await setup();
    const q = await owner.question.create({ caseId, text: "Remove me?" });
    await supporter.question.delete({ caseId, id: q.id, version: q.version });
    expect(await owner.question.list({ caseId })).toEqual([]);
    expect((await owner.activity.list({ caseId })).map((a) => a.action)).toContain("question.deleted");
  });
});
