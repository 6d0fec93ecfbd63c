import { messageRef } from "@/lib/i18n/message-ref";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPARISON_ASPECTS } from "@/lib/comparison";
import { OPINION_KINDS, type TOpinionFields } from "@/lib/opinion";
import { SUGGESTED_RECORDS } from "@/lib/record";
import { createCase, createUser } from "@/server/database/factories";
import { createAuthSession } from "@/server/auth/sessions";
import { createLogMailer } from "@/server/mail";
import { catalogues } from "@/server/i18n/catalogue";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { DEFAULT_PACKET_CHOICE } from "@/lib/packet";
import { CHOOSING_WHERE } from "@/lib/talking";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const opinion = (label: string): TOpinionFields => ({
  label,
  clinician: "Dr Ana Ruiz",
  specialty: "Orthopaedics",
  institution: "City Hospital",
  kind: "subspecialist",
  visitAt: new Date("2026-12-03T10:30:00Z"),
  status: "scheduled",
  inNetwork: "yes",
  referralNeeded: "unknown",
  preApprovalNeeded: "no",
  expectedCosts: "Co-pay about 40",
});

const setup = () => caseWithMembers(database.db);

describe("opinions", () => {
  it("records the original clinician's opinion as such, and shows it with that kind", async () => {
    const { caseId, owner, viewer } = await setup();
    const original = await owner.opinion.create({ caseId, ...opinion("First opinion"), kind: "original", status: "completed" });
    expect(original).toMatchObject({ kind: "original", version: 1 });
    const second = await owner.opinion.create({ caseId, ...opinion("Second opinion") });
    expect((await viewer.opinion.list({ caseId })).map((o) => [o.label, o.kind])).toEqual([
      ["First opinion", "original"],
      ["Second opinion", "subspecialist"],
    ]);
    expect(catalogues.en.opinions.kind[original.kind].name).toBe("The original opinion");
    // The form offers it first; "where to get a second opinion" does not offer it.
    expect(OPINION_KINDS[0]).toBe("original");
    expect(CHOOSING_WHERE).not.toContain("original");
    const packet = await viewer.packet.get({ caseId, opinionId: original.id, choice: DEFAULT_PACKET_CHOICE });
    expect(packet.opinion.kind).toBe("original");
    // It can be changed to and from a second-opinion kind like any other.
    await owner.opinion.update({ caseId, id: second.id, version: 1, ...opinion("Second opinion"), kind: "original" });
    const changed = await owner.opinion.update({ caseId, id: second.id, version: 2, ...opinion("Second opinion"), kind: "telehealth" });
    expect(changed.kind).toBe("telehealth");
  });

  it("are added with a suggested label, edited with the version rule, and carry a call log", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    expect(await viewer.opinion.suggestedLabel({ caseId })).toEqual({ label: "First opinion" });
    const first = await supporter.opinion.create({ caseId, ...opinion("First opinion") });
    expect(first).toMatchObject({ label: "First opinion", kind: "subspecialist", status: "scheduled", version: 1 });
    expect(await viewer.opinion.suggestedLabel({ caseId })).toEqual({ label: "Second opinion" });

    const edited = await owner.opinion.update({ caseId, id: first.id, version: 1, ...opinion("First opinion (Dr Ruiz)"), status: "completed" });
    expect(edited).toMatchObject({ status: "completed", version: 2 });
    await expect(supporter.opinion.update({ caseId, id: first.id, version: 1, ...opinion("Stale") })).rejects.toMatchObject({
      code: "CONFLICT",
      message: messageRef("errors.staleVersion"),
      cause: { current: { label: "First opinion (Dr Ruiz)", version: 2 } },
    });

    await supporter.opinion.logCall({
      caseId,
      opinionId: first.id,
      calledAt: new Date("2026-11-20T09:00:00Z"),
      who: "Insurer helpline",
      reference: "REF-12345",
      summary: "In network; no pre-approval needed.",
    });
    const calls = await viewer.opinion.listCalls({ caseId, opinionId: first.id });
    expect(calls).toEqual([expect.objectContaining({ who: "Insurer helpline", reference: "REF-12345", authorName: "Sid Supporter" })]);
    await expect(viewer.opinion.logCall({ caseId, opinionId: first.id, calledAt: new Date(), who: "x", reference: "", summary: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(supporter.opinion.create({ caseId, ...opinion(" ") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(supporter.opinion.create({ caseId, ...opinion("X"), kind: "psychic" as "telehealth" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("questions and notes can be tied to an opinion of the same case only, and listed by it", async () => {
    const { caseId, supporter } = await setup();
    const other = await setup();
    const mine = await supporter.opinion.create({ caseId, ...opinion("Second opinion") });
    const theirs = await other.supporter.opinion.create({ caseId: other.caseId, ...opinion("Theirs") });
    const q = await supporter.question.create({ caseId, text: "What does the scan show?", opinionId: mine.id });
    await supporter.question.create({ caseId, text: "Untied question" });
    await supporter.note.create({ caseId, body: "Notes during the visit", private: false, opinionId: mine.id });
    expect((await supporter.question.list({ caseId, opinionId: mine.id })).map((x) => x.id)).toEqual([q.id]);
    // Rewording keeps the tie unless the edit names another (or none).
    await supporter.question.update({ caseId, id: q.id, version: 1, text: "What exactly does the scan show?" });
    expect((await supporter.question.list({ caseId, opinionId: mine.id })).map((x) => x.text)).toEqual(["What exactly does the scan show?"]);
    await supporter.question.update({ caseId, id: q.id, version: 2, text: "Untied now", opinionId: null });
    expect(await supporter.question.list({ caseId, opinionId: mine.id })).toEqual([]);
    expect((await supporter.note.list({ caseId, opinionId: mine.id })).map((n) => n.body)).toEqual(["Notes during the visit"]);
    await expect(supporter.question.create({ caseId, text: "Sneaky", opinionId: theirs.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "opinionId" },
    });
    await expect(supporter.note.create({ caseId, body: "Sneaky", private: false, opinionId: theirs.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("deleting one says first what goes with it; its grid cells and calls go, its questions and notes stay untied", async () => {
    const { caseId, owner, supporter } = await setup();
    const o = await supporter.opinion.create({ caseId, ...opinion("Second opinion") });
    await supporter.comparison.saveCell({ caseId, opinionId: o.id, aspect: "main_plan", text: "Surgery", version: 0 });
    await supporter.question.create({ caseId, text: "Q for the visit", opinionId: o.id });
    await supporter.note.create({ caseId, body: "Visit note", private: false, opinionId: o.id });
    await supporter.opinion.logCall({ caseId, opinionId: o.id, calledAt: new Date(), who: "Clinic", reference: "", summary: "" });
    await supporter.note.create({ caseId, body: "My private worry", private: true, opinionId: o.id });
    // The supporter's private note is not counted for the owner (its existence is not revealed).
    expect(await owner.opinion.deletionImpact({ caseId, id: o.id })).toEqual({ comparisonEntries: 1, questions: 1, notes: 1, calls: 1 });
    expect((await supporter.opinion.deletionImpact({ caseId, id: o.id })).notes).toBe(2);

    await expect(supporter.opinion.delete({ caseId, id: o.id, version: o.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await owner.opinion.delete({ caseId, id: o.id, version: o.version });
    expect(await owner.opinion.list({ caseId })).toEqual([]);
    expect((await owner.comparison.grid({ caseId })).cells).toEqual([]);
    expect((await owner.question.list({ caseId }))[0]).toMatchObject({ text: "Q for the visit", opinionId: null });
    expect((await owner.note.list({ caseId }))[0]).toMatchObject({ body: "Visit note", opinionId: null });
  });

  it("a removed opinion or call is NOT_FOUND, with a message that says what is gone", async () => {
    const { caseId, owner, supporter } = await setup();
    const o = await supporter.opinion.create({ caseId, ...opinion("Second opinion") });
    const call = await supporter.opinion.logCall({ caseId, opinionId: o.id, calledAt: new Date(), who: "Clinic", reference: "", summary: "" });
    await supporter.opinion.deleteCall({ caseId, callId: call.id });
    await expect(supporter.opinion.deleteCall({ caseId, callId: call.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: messageRef("opinions.errors.callGone"),
    });
    await owner.opinion.delete({ caseId, id: o.id, version: o.version });
    const gone = { code: "NOT_FOUND", message: messageRef("opinions.errors.gone") };
    await expect(supporter.opinion.update({ caseId, id: o.id, version: 1, ...opinion("Late edit") })).rejects.toMatchObject(gone);
    await expect(owner.opinion.deletionImpact({ caseId, id: o.id })).rejects.toMatchObject(gone);
    await expect(owner.opinion.delete({ caseId, id: o.id, version: o.version })).rejects.toMatchObject(gone);
    await expect(
      supporter.opinion.logCall({ caseId, opinionId: o.id, calledAt: new Date(), who: "Clinic", reference: "", summary: "" }),
    ).rejects.toMatchObject(gone);
    await expect(supporter.comparison.saveCell({ caseId, opinionId: o.id, aspect: "risks", text: "x", version: 0 })).rejects.toMatchObject(gone);
    // Chosen in the "ask about this" form, the opinion is that form's field.
    await expect(
      supporter.comparison.addClarifyingQuestion({ caseId, aspect: "risks", bankKey: "options-why", opinionId: o.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "opinionId" } });
  });
});

describe("the comparison grid", () => {
  it("has a column per opinion (a third appears too), shows who wrote each cell, and sums up the row marks", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    const a = await owner.opinion.create({ caseId, ...opinion("First opinion") });
    const b = await owner.opinion.create({ caseId, ...opinion("Second opinion") });
    await owner.comparison.saveCell({ caseId, opinionId: a.id, aspect: "main_plan", text: "Keyhole surgery soon", version: 0 });
    await supporter.comparison.saveCell({ caseId, opinionId: b.id, aspect: "main_plan", text: "Physiotherapy for 12 weeks first", version: 0 });
    const c = await supporter.opinion.create({ caseId, ...opinion("Third opinion") });
    await supporter.comparison.saveCell({ caseId, opinionId: c.id, aspect: "risks", text: "Infection risk is low", version: 0 });

    await supporter.comparison.markRow({ caseId, aspect: "main_plan", mark: "differ" });
    await owner.comparison.markRow({ caseId, aspect: "diagnosis", mark: "agree" });
    await owner.comparison.markRow({ caseId, aspect: "risks", mark: "unsure" });
    await owner.comparison.markRow({ caseId, aspect: "risks", mark: null });

    const grid = await viewer.comparison.grid({ caseId });
    expect(grid.opinions.map((o) => o.label)).toEqual(["First opinion", "Second opinion", "Third opinion"]);
    expect(grid.cells.find((x) => x.opinionId === b.id && x.aspect === "main_plan")).toMatchObject({
      text: "Physiotherapy for 12 weeks first",
      updatedByName: "Sid Supporter",
      version: 1,
    });
    expect(grid.cells.find((x) => x.opinionId === c.id)?.aspect).toBe("risks");
    expect(grid.summary).toEqual({ agree: 1, differ: 1, unsure: 0, unmarked: COMPARISON_ASPECTS.length - 2 });
    await expect(viewer.comparison.saveCell({ caseId, opinionId: a.id, aspect: "risks", text: "x", version: 0 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("two people saving the same cell at once: one wins, the other gets CONFLICT with the saved text — also for a brand-new cell", async () => {
    const { caseId, owner, supporter } = await setup();
    const a = await owner.opinion.create({ caseId, ...opinion("First opinion") });
    for (const version of [0, 1]) {
      const results = await Promise.allSettled([
        owner.comparison.saveCell({ caseId, opinionId: a.id, aspect: "benefits", text: `Owner v${version}`, version }),
        supporter.comparison.saveCell({ caseId, opinionId: a.id, aspect: "benefits", text: `Supporter v${version}`, version }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ text: string; version: number }>[];
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toMatchObject({ code: "CONFLICT", cause: { current: { text: won[0]!.value.text, version: version + 1 } } });
      const stored = (await owner.comparison.grid({ caseId })).cells.find((x) => x.aspect === "benefits");
      expect(stored?.text).toBe(won[0]!.value.text);
    }
  });

  it("a save naming a version of a cell nobody has written gets CONFLICT with the empty cell", async () => {
    const { caseId, owner } = await setup();
    const a = await owner.opinion.create({ caseId, ...opinion("First opinion") });
    await expect(owner.comparison.saveCell({ caseId, opinionId: a.id, aspect: "urgency", text: "Soon", version: 3 })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { opinionId: a.id, aspect: "urgency", text: "", version: 0, updatedByName: null, updatedAt: null } },
    });
    expect((await owner.comparison.grid({ caseId })).cells).toEqual([]);
  });

  it("adds a clarifying question from a row to the question list, for the chosen opinion, once", async () => {
    const { caseId, owner, supporter } = await setup();
    const a = await owner.opinion.create({ caseId, ...opinion("First opinion") });
    const added = await supporter.comparison.addClarifyingQuestion({ caseId, aspect: "main_plan", bankKey: "urgency-wait", opinionId: a.id });
    expect(added.text).toMatch(/^About "main treatment plan": What could happen if we do nothing/);
    const listed = await owner.question.list({ caseId, opinionId: a.id });
    expect(listed).toEqual([expect.objectContaining({ id: added.questionId, opinionId: a.id, authorName: "Sid Supporter" })]);
    await expect(
      supporter.comparison.addClarifyingQuestion({ caseId, aspect: "main_plan", bankKey: "urgency-wait", opinionId: a.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The general bank question stays available for the case's own list.
    await expect(supporter.question.addFromBank({ caseId, bankKey: "urgency-wait" })).resolves.toMatchObject({ opinionId: null });
  });

  it("refuses an opinion of another case and an unknown row, and writes nothing", async () => {
    const mine = await setup();
    const theirs = await setup();
    const foreign = await theirs.owner.opinion.create({ caseId: theirs.caseId, ...opinion("Theirs") });
    await expect(
      mine.owner.comparison.saveCell({ caseId: mine.caseId, opinionId: foreign.id, aspect: "risks", text: "x", version: 0 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      mine.owner.comparison.markRow({ caseId: mine.caseId, aspect: "vibes" as "risks", mark: "agree" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await theirs.owner.comparison.grid({ caseId: theirs.caseId })).cells).toEqual([]);
  });
});

describe("in the reader's language", () => {
  /** A caller whose requests come in Spanish (as a browser or account set to Spanish makes them). */
  async function spanishOwner() {
    const user = await createUser(database.db, { name: "Lucía Dueña" });
    const { id: caseId } = await createCase(database.db, user.id);
    const sessionId = await createAuthSession(database.db, user.id);
    const session = { user: { id: user.id, name: user.name, email: user.email }, sessionId };
    const caller = createCaller(createContextInner({ db: database.db, session, mailer: createLogMailer(() => {}), locale: "es" }));
    return { caseId, caller };
  }

  it("names new opinions, the usual records and a clarifying question in the words of the person adding them", async () => {
    const { caseId, caller } = await spanishOwner();
    expect(await caller.opinion.suggestedLabel({ caseId })).toEqual({ label: "Primera opinión" });
    const first = await caller.opinion.create({ caseId, ...opinion("Primera opinión") });
    expect(await caller.opinion.suggestedLabel({ caseId })).toEqual({ label: "Segunda opinión" });

    expect(await caller.record.addSuggested({ caseId })).toEqual({ added: SUGGESTED_RECORDS.length });
    const titles = (await caller.record.list({ caseId })).map((r) => r.title);
    expect(titles).toContain("Notas de las consultas recientes");
    expect(titles).not.toContain("Notes from recent clinic visits");

    const added = await caller.comparison.addClarifyingQuestion({ caseId, aspect: "main_plan", bankKey: "urgency-wait", opinionId: first.id });
    expect(added.text).toMatch(/^Sobre "plan de tratamiento principal": /);
  });
});
