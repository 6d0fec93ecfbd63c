/**
 * Medications, allergies and past procedures (server/routers/health-list.ts). The three lists share
 * their handlers, so the same checks run on each; what is particular to one list follows.
 */
import type { inferRouterOutputs } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { activity, medications } from "@/db/schema";
import type { AppRouter } from "@/server/routers/_app";
import type { AllergySeverity, TAllergyFields, TMedicationFields, TProcedureFields } from "@/lib/health-list";
import { messageRef } from "@/lib/i18n/message-ref";
import { translateRef } from "@/server/i18n/translator";
import { anonymousCaller, callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Outputs = inferRouterOutputs<AppRouter>["healthList"];

/** A case with an owner, a supporter and a viewer, each with a caller. */
async function caseWithMembers() {
  const owner = await createUser(database.db, { name: "Owen Owner" });
  const supporter = await createUser(database.db, { name: "Sue Supporter" });
  const viewer = await createUser(database.db, { name: "Vic Viewer" });
  const { id: caseId } = await createCase(database.db, owner.id);
  await addMember(database.db, caseId, supporter.id, "supporter");
  await addMember(database.db, caseId, viewer.id, "viewer");
  return {
    caseId,
    owner: await callerFor(database.db, owner),
    supporter: await callerFor(database.db, supporter),
    viewer: await callerFor(database.db, viewer),
  };
}

/** The activity rows of a case, oldest first. */
const activityOf = (caseId: string) =>
  database.db
    .select({ action: activity.action, entityType: activity.entityType, entityId: activity.entityId, summary: activity.summary })
    .from(activity)
    .where(eq(activity.caseId, caseId))
    .orderBy(activity.createdAt);

const activityCount = async (caseId: string) =>
  (await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, caseId)))[0]!.n;

// ── The same checks on each list ─────────────────────────────────────────────────────────────────

/** One list's procedures, as a caller sees them. */
interface ListApi<TFields, TItem> {
  list(input: { caseId: string }): Promise<TItem[]>;
  get(input: { caseId: string; id: string }): Promise<TItem | null>;
  create(input: { caseId: string } & TFields): Promise<TItem>;
  update(input: { caseId: string; id: string; version: number } & TFields): Promise<TItem>;
  remove(input: { caseId: string; id: string; version: number }): Promise<{ removed: true }>;
  reorder(input: { caseId: string; ids: string[] }): Promise<TItem[]>;
}

interface ListSpec<TFields, TItem> {
  entityType: "medication" | "allergy" | "procedure";
  noun: string;
  plural: string;
  api: (caller: Caller) => ListApi<TFields, TItem>;
  /** Valid fields for an item called `name`. */
  fields: (name: string) => TFields;
  nameOf: (item: TItem) => string;
  /** Each one over a length limit. */
  oversized: Partial<TFields>[];
}

function describeList<TFields, TItem extends { id: string; version: number; position: number }>(spec: ListSpec<TFields, TItem>) {
  const { entityType, noun, api, fields } = spec;
  const names = (items: TItem[]) => items.map(spec.nameOf);

  describe(`${entityType} list`, () => {
    it("create → list in order → update → reorder → remove, each writing its activity row", async () => {
      const { caseId, owner } = await caseWithMembers();
      const a = await api(owner).create({ caseId, ...fields("  Alpha  ") });
      const b = await api(owner).create({ caseId, ...fields("Bravo") });
      const c = await api(owner).create({ caseId, ...fields("Charlie") });
      expect(spec.nameOf(a)).toBe("Alpha"); // trimmed
      expect(a).toMatchObject({ version: 1, position: 0 });
      expect(c).toMatchObject({ position: 2 });

      const listed = await api(owner).list({ caseId });
      expect(names(listed)).toEqual(["Alpha", "Bravo", "Charlie"]);
      expect(listed[0]).toEqual(a);

      const edited = await api(owner).update({ caseId, id: b.id, version: 1, ...fields("Bravo, edited") });
      expect(edited).toMatchObject({ id: b.id, version: 2, position: 1 });
      expect(spec.nameOf(edited)).toBe("Bravo, edited");

      const reordered = await api(owner).reorder({ caseId, ids: [c.id, a.id, b.id] });
      expect(names(reordered)).toEqual(["Charlie", "Alpha", "Bravo, edited"]);
      expect(reordered.map((item) => item.position)).toEqual([0, 1, 2]);

      expect(await api(owner).remove({ caseId, id: a.id, version: a.version })).toEqual({ removed: true });
      expect(names(await api(owner).list({ caseId }))).toEqual(["Charlie", "Bravo, edited"]);
      // A new item goes to the end.
      const d = await api(owner).create({ caseId, ...fields("Delta") });
      expect(names(await api(owner).list({ caseId }))).toEqual(["Charlie", "Bravo, edited", "Delta"]);

      const entries = await activityOf(caseId);
      // Stored as references with what the person wrote as a value; each reader gets them in their language.
      expect(entries[0]!.summary).toBe(messageRef(`healthLists.activity.${entityType}.added`, { name: "Alpha" }));
      expect(translateRef(entries[4]!.summary, "es")).toMatch(/^Cambió el orden de l(os|as) /);
      expect(entries.map((entry) => ({ ...entry, summary: translateRef(entry.summary, "en") }))).toEqual([
        { action: `${entityType}.created`, entityType, entityId: a.id, summary: `Added the ${noun} "Alpha"` },
        { action: `${entityType}.created`, entityType, entityId: b.id, summary: `Added the ${noun} "Bravo"` },
        { action: `${entityType}.created`, entityType, entityId: c.id, summary: `Added the ${noun} "Charlie"` },
        { action: `${entityType}.updated`, entityType, entityId: b.id, summary: `Edited the ${noun} "Bravo, edited"` },
        { action: `${entityType}.reordered`, entityType, entityId: null, summary: `Reordered the ${spec.plural}` },
        { action: `${entityType}.deleted`, entityType, entityId: a.id, summary: `Removed the ${noun} "Alpha"` },
        { action: `${entityType}.created`, entityType, entityId: d.id, summary: `Added the ${noun} "Delta"` },
      ]);
    });

    it("one item is read as the list shows it (what a live list reads after a change), null once removed or from another case", async () => {
      const { caseId, owner, supporter, viewer } = await caseWithMembers();
      const item = await api(supporter).create({ caseId, ...fields("Read me") });
      const edited = await api(owner).update({ caseId, id: item.id, version: 1, ...fields("Read me, edited") });
      expect(await api(viewer).get({ caseId, id: item.id })).toEqual(edited);
      expect(await api(viewer).get({ caseId, id: item.id })).toEqual((await api(viewer).list({ caseId }))[0]);

      const other = await caseWithMembers();
      const theirs = await api(other.owner).create({ caseId: other.caseId, ...fields("Theirs") });
      expect(await api(owner).get({ caseId, id: theirs.id })).toBeNull();
      await expect(api(owner).get({ caseId: other.caseId, id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

      await api(supporter).remove({ caseId, id: item.id, version: edited.version });
      expect(await api(viewer).get({ caseId, id: item.id })).toBeNull();
    });

    it("a stale update gets CONFLICT with the saved item, and nothing is overwritten", async () => {
      const { caseId, owner, supporter } = await caseWithMembers();
      const item = await api(owner).create({ caseId, ...fields("Original") });
      await api(supporter).update({ caseId, id: item.id, version: 1, ...fields("First save") });
      const before = await activityCount(caseId);
      await expect(api(owner).update({ caseId, id: item.id, version: 1, ...fields("Second tab") })).rejects.toMatchObject({
        code: "CONFLICT",
        cause: { current: { id: item.id, version: 2 } },
      });
      expect(names(await api(owner).list({ caseId }))).toEqual(["First save"]);
      expect(await activityCount(caseId)).toBe(before);
    });

    it("a supporter adds, edits, reorders and removes; a viewer reads, and every change is FORBIDDEN", async () => {
      const { caseId, owner, supporter, viewer } = await caseWithMembers();
      const first = await api(owner).create({ caseId, ...fields("From the owner") });
      const second = await api(supporter).create({ caseId, ...fields("From the supporter") });
      await api(supporter).update({ caseId, id: first.id, version: 1, ...fields("Edited by the supporter") });
      await api(supporter).reorder({ caseId, ids: [second.id, first.id] });

      const before = await activityCount(caseId);
      expect(names(await api(viewer).list({ caseId }))).toEqual(["From the supporter", "Edited by the supporter"]);
      await expect(api(viewer).create({ caseId, ...fields("From the viewer") })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api(viewer).update({ caseId, id: second.id, version: 1, ...fields("Viewer edit") })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(api(viewer).reorder({ caseId, ids: [first.id, second.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api(viewer).remove({ caseId, id: second.id, version: second.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(names(await api(viewer).list({ caseId }))).toEqual(["From the supporter", "Edited by the supporter"]);
      expect(await activityCount(caseId)).toBe(before);

      await api(supporter).remove({ caseId, id: second.id, version: second.version });
      expect(names(await api(owner).list({ caseId }))).toEqual(["Edited by the supporter"]);
    });

    it("an id from another case is refused, and that case's item is untouched", async () => {
      const mine = await caseWithMembers();
      const theirs = await caseWithMembers();
      const their = await api(theirs.owner).create({ caseId: theirs.caseId, ...fields("Theirs") });
      const own = await api(mine.owner).create({ caseId: mine.caseId, ...fields("Mine") });
      const before = await activityCount(mine.caseId);

      const refused = { code: "NOT_FOUND" };
      await expect(api(mine.owner).update({ caseId: mine.caseId, id: their.id, version: 1, ...fields("Hijacked") })).rejects.toMatchObject(
        refused,
      );
      await expect(api(mine.owner).remove({ caseId: mine.caseId, id: their.id, version: their.version })).rejects.toMatchObject(refused);
      await expect(api(mine.owner).reorder({ caseId: mine.caseId, ids: [their.id, own.id] })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { field: "ids" },
      });

      expect(await api(theirs.owner).list({ caseId: theirs.caseId })).toEqual([their]);
      expect(await api(mine.owner).list({ caseId: mine.caseId })).toEqual([own]);
      expect(await activityCount(mine.caseId)).toBe(before);
    });

    it("a removed item is refused with NOT_FOUND on update and remove", async () => {
      const { caseId, owner, supporter } = await caseWithMembers();
      const item = await api(owner).create({ caseId, ...fields("Soon gone") });
      await api(supporter).remove({ caseId, id: item.id, version: item.version });
      // The message names what is gone, in the reader's language (a reference the error formatter puts in words).
      const gone = { code: "NOT_FOUND", message: messageRef(`healthLists.errors.gone.${entityType}`) };
      await expect(api(owner).update({ caseId, id: item.id, version: 1, ...fields("Too late") })).rejects.toMatchObject(gone);
      await expect(api(owner).remove({ caseId, id: item.id, version: item.version })).rejects.toMatchObject(gone);
      expect(await api(owner).list({ caseId })).toEqual([]);
    });

    it("reorder with a missing, repeated or foreign id is refused and nothing moves", async () => {
      const { caseId, owner } = await caseWithMembers();
      const other = await caseWithMembers();
      const foreign = await api(other.owner).create({ caseId: other.caseId, ...fields("Elsewhere") });
      const [a, b, c] = [
        await api(owner).create({ caseId, ...fields("A") }),
        await api(owner).create({ caseId, ...fields("B") }),
        await api(owner).create({ caseId, ...fields("C") }),
      ];
      const before = await api(owner).list({ caseId });
      const activityBefore = await activityCount(caseId);

      for (const ids of [
        [c.id, b.id], // one missing
        [c.id, b.id, a.id, foreign.id], // a foreign one added
        [c.id, b.id, foreign.id], // one swapped for a foreign one
        [c.id, b.id, b.id], // one repeated
        [c.id, b.id, a.id, crypto.randomUUID()], // one that never existed
      ]) {
        await expect(api(owner).reorder({ caseId, ids })).rejects.toMatchObject({ code: "BAD_REQUEST", message: messageRef("errors.listChanged"), cause: { field: "ids" } });
      }
      expect(await api(owner).list({ caseId })).toEqual(before);
      expect(await api(other.owner).list({ caseId: other.caseId })).toEqual([foreign]);
      expect(await activityCount(caseId)).toBe(activityBefore);
    });

    it("an empty name or oversized text is refused with BAD_REQUEST and nothing is written", async () => {
      const { caseId, owner } = await caseWithMembers();
      await expect(api(owner).create({ caseId, ...fields("   ") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      for (const over of spec.oversized) {
        await expect(api(owner).create({ caseId, ...fields("Fine"), ...over })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }
      expect(await api(owner).list({ caseId })).toEqual([]);
      expect(await activityCount(caseId)).toBe(0);

      const item = await api(owner).create({ caseId, ...fields("Kept") });
      await expect(api(owner).update({ caseId, id: item.id, version: 1, ...fields("") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      for (const over of spec.oversized) {
        await expect(api(owner).update({ caseId, id: item.id, version: 1, ...fields("Fine"), ...over })).rejects.toMatchObject({
          code: "BAD_REQUEST",
        });
      }
      expect(await api(owner).list({ caseId })).toEqual([item]);
      expect(await activityCount(caseId)).toBe(1);
    });
  });
}

const long = (n: number) => "x".repeat(n);

describeList<TMedicationFields, Outputs["medication"]["create"]>({
  entityType: "medication",
  noun: "medication",
  plural: "medications",
  api: (caller) => caller.healthList.medication,
  fields: (name) => ({ name, dose: "500 mg", frequency: "twice a day", purpose: "blood sugar", prescriber: "Dr Lee", notes: "" }),
  nameOf: (item) => item.name,
  oversized: [{ name: long(201) }, { dose: long(201) }, { frequency: long(201) }, { notes: long(2001) }],
});

describeList<TAllergyFields, Outputs["allergy"]["create"]>({
  entityType: "allergy",
  noun: "allergy",
  plural: "allergies",
  api: (caller) => caller.healthList.allergy,
  fields: (substance) => ({ substance, reaction: "hives", severity: "moderate" }),
  nameOf: (item) => item.substance,
  oversized: [{ substance: long(201) }, { reaction: long(201) }],
});

describeList<TProcedureFields, Outputs["procedure"]["create"]>({
  entityType: "procedure",
  noun: "past procedure",
  plural: "past procedures",
  api: (caller) => caller.healthList.procedure,
  fields: (what) => ({ what, whenText: "spring 2019", place: "St Mary's", description: "" }),
  nameOf: (item) => item.what,
  oversized: [{ what: long(201) }, { whenText: long(201) }, { place: long(201) }, { description: long(2001) }],
});

// ── What is particular to one list ───────────────────────────────────────────────────────────────

describe("medications", () => {
  it("keeps every field, trimmed, and the longest allowed text", async () => {
    const { caseId, owner } = await caseWithMembers();
    const created = await owner.healthList.medication.create({
      caseId,
      name: " Metformin ",
      dose: " 500 mg ",
      frequency: "twice a day",
      purpose: "blood sugar",
      prescriber: "Dr Lee",
      notes: long(2000),
    });
    expect(created).toMatchObject({ name: "Metformin", dose: "500 mg", frequency: "twice a day", purpose: "blood sugar", prescriber: "Dr Lee" });
    expect(created.notes).toHaveLength(2000);
    expect(await owner.healthList.medication.list({ caseId })).toEqual([created]);
  });

  it("two concurrent saves of the same version: exactly one wins, the other gets CONFLICT with the winner's row", async () => {
    const { caseId, owner, supporter } = await caseWithMembers();
    const base = { caseId, dose: "500 mg", frequency: "twice a day", purpose: "blood sugar", prescriber: "Dr Lee", notes: "" };
    const item = await owner.healthList.medication.create({ ...base, name: "Metformin" });

    const results = await Promise.allSettled([
      owner.healthList.medication.update({ ...base, id: item.id, version: 1, name: "Metformin (owner)" }),
      supporter.healthList.medication.update({ ...base, id: item.id, version: 1, name: "Metformin (supporter)" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.value;
    expect(winner.version).toBe(2);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", cause: { current: { id: item.id, name: winner.name, version: 2 } } });

    const [stored] = await database.db
      .select({ name: medications.name, version: medications.version })
      .from(medications)
      .where(eq(medications.id, item.id));
    expect(stored).toEqual({ name: winner.name, version: 2 });
    expect((await activityOf(caseId)).map((a) => a.action)).toEqual(["medication.created", "medication.updated"]);
  });

  it("are refused to outsiders (NOT_FOUND) and to anonymous callers (UNAUTHORIZED)", async () => {
    const { caseId } = await caseWithMembers();
    const outsider = await callerFor(database.db, await createUser(database.db));
    await expect(outsider.healthList.medication.list({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anonymousCaller(database.db).healthList.medication.list({ caseId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("allergies", () => {
  it("take a known severity, and refuse an unknown one with BAD_REQUEST and nothing written", async () => {
    const { caseId, owner } = await caseWithMembers();
    // Deliberately outside the type: what a hand-made request could send.
    const unknownSeverity = "deadly" as AllergySeverity;
    await expect(
      owner.healthList.allergy.create({ caseId, substance: "Penicillin", reaction: "rash", severity: unknownSeverity }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.healthList.allergy.list({ caseId })).toEqual([]);
    expect(await activityCount(caseId)).toBe(0);

    const created = await owner.healthList.allergy.create({ caseId, substance: "Penicillin", reaction: "rash", severity: "severe" });
    expect(created).toMatchObject({ substance: "Penicillin", reaction: "rash", severity: "severe" });
    await expect(
      owner.healthList.allergy.update({ caseId, id: created.id, version: 1, substance: "Penicillin", reaction: "rash", severity: unknownSeverity }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const updated = await owner.healthList.allergy.update({
      caseId,
      id: created.id,
      version: 1,
      substance: "Penicillin",
      reaction: "rash",
      severity: "unknown",
    });
    expect(await owner.healthList.allergy.list({ caseId })).toEqual([updated]);
    expect(updated).toMatchObject({ severity: "unknown", version: 2 });
  });
});

describe("past procedures", () => {
  it("keep when as free text, and where", async () => {
    const { caseId, supporter } = await caseWithMembers();
    const created = await supporter.healthList.procedure.create({
      caseId,
      what: "Knee arthroscopy",
      whenText: "spring 2019, I think",
      place: "St Mary's Hospital",
      description: "Keyhole surgery on the left knee.",
    });
    expect(await supporter.healthList.procedure.list({ caseId })).toEqual([
      expect.objectContaining({ id: created.id, whenText: "spring 2019, I think", place: "St Mary's Hospital" }),
    ]);
  });
});
