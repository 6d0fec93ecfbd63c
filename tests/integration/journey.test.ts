import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { uploadRecordFile } from "@/server/files/record-files";
import type { AutoChecklistItem } from "@/lib/checklist";
import { callerFor } from "../support/callers";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { BLANK_REFLECTION, OPINION_FIELDS } from "../support/sample-fields";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const setup = () => caseWithMembers(database.db);
type Setup = Awaited<ReturnType<typeof setup>>;

const OPINION = { ...OPINION_FIELDS, label: "Opinion", kind: "same_specialty" } as const;

async function itemDone(caller: Setup["owner"], caseId: string, key: string) {
  const checklist = await caller.checklist.get({ caseId });
  const item = checklist.phases.flatMap((p) => p.items).find((i) => i.key === key);
  if (!item) throw new Error(`no checklist item ${key}`);
  return item.done;
}

async function upload(userId: string, caseId: string, recordId: string) {
  return uploadRecordFile({
    db: database.db,
    userId,
    caseId,
    recordId,
    fileName: "results.txt",
    body: (async function* () {
      yield new TextEncoder().encode("Blood results");
    })(),
  });
}

describe("the self-check", () => {
  it("is saved and read back in a fixed order, versioned, and recorded in the activity feed", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    expect(await viewer.selfCheck.get({ caseId })).toBeNull();
    const first = await supporter.selfCheck.save({
      caseId,
      version: 0,
      situations: ["rushed_unheard", "serious_diagnosis", "serious_diagnosis"],
      cautions: [],
    });
    expect(first).toMatchObject({ situations: ["serious_diagnosis", "rushed_unheard"], cautions: [], version: 1, urgent: false });
    expect(await viewer.selfCheck.get({ caseId })).toMatchObject({ situations: ["serious_diagnosis", "rushed_unheard"], updatedByName: "Sid Supporter" });

    // A second "first save", or a save from a stale version, is refused with the saved answers.
    await expect(owner.selfCheck.save({ caseId, version: 0, situations: [], cautions: [] })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { situations: ["serious_diagnosis", "rushed_unheard"], version: 1 } },
    });
    const second = await owner.selfCheck.save({ caseId, version: 1, situations: ["need_more_information"], cautions: [] });
    expect(second.version).toBe(2);
    await expect(supporter.selfCheck.save({ caseId, version: 1, situations: [], cautions: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await viewer.selfCheck.get({ caseId }))?.situations).toEqual(["need_more_information"]);

    const feed = await viewer.activity.list({ caseId });
    expect(feed.filter((a) => a.action === "self_check.saved")).toHaveLength(2);
  });

  it("viewers read it but cannot change it; unknown answers are refused", async () => {
    const { caseId, viewer, owner } = await setup();
    await expect(viewer.selfCheck.save({ caseId, version: 0, situations: [], cautions: ["emergency"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      owner.selfCheck.save({ caseId, version: 0, situations: ["made_up" as "serious_diagnosis"], cautions: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.selfCheck.get({ caseId })).toBeNull();
    expect((await owner.case.get({ caseId })).urgent).toBe(false);
  });

  it("the urgent flag follows the emergency and delay answers", async () => {
    const { caseId, owner, supporter } = await setup();
    const before = await owner.case.get({ caseId });
    let saved = await supporter.selfCheck.save({ caseId, version: 0, situations: ["major_procedure"], cautions: ["emergency"] });
    expect(saved.urgent).toBe(true);
    const marked = await owner.case.get({ caseId });
    expect(marked.urgent).toBe(true);
    // The case's version moved on, so an "Edit details" form opened before cannot quietly undo it.
    expect(marked.version).toBe(before.version + 1);

    saved = await supporter.selfCheck.save({ caseId, version: saved.version, situations: ["major_procedure"], cautions: [] });
    expect(saved.urgent).toBe(false);
    expect((await owner.case.get({ caseId })).urgent).toBe(false);

    saved = await owner.selfCheck.save({ caseId, version: saved.version, situations: [], cautions: ["delay_care"] });
    expect(saved.urgent).toBe(true);
    saved = await owner.selfCheck.save({ caseId, version: saved.version, situations: [], cautions: ["delay_care", "emergency"] });
    expect(saved.urgent).toBe(true);
    saved = await owner.selfCheck.save({ caseId, version: saved.version, situations: [], cautions: [] });
    expect(saved.urgent).toBe(false);
  });

  it("answers without a caution leave an urgent flag set by hand alone", async () => {
    const { caseId, owner } = await setup();
    const theCase = await owner.case.get({ caseId });
    await owner.case.update({ caseId, version: theCase.version, patientName: theCase.patientName, title: theCase.title, understanding: "", decision: "", urgent: true });
    const saved = await owner.selfCheck.save({ caseId, version: 0, situations: ["unclear_diagnosis"], cautions: [] });
    expect(saved.urgent).toBe(true);
  });

  it("can be answered while creating a case: saved with it, and a caution marks the new case urgent", async () => {
    const user = await createUser(database.db, { name: "Nina New" });
    const caller = await callerFor(database.db, user);
    const details = { patientName: "Nina New", title: "Back surgery", understanding: "", decision: "", urgent: false };
    const { id } = await caller.case.create({ ...details, selfCheck: { situations: ["major_procedure"], cautions: ["delay_care"] } });
    expect((await caller.case.get({ caseId: id })).urgent).toBe(true);
    expect(await caller.selfCheck.get({ caseId: id })).toMatchObject({ situations: ["major_procedure"], cautions: ["delay_care"], version: 1 });
    expect((await caller.activity.list({ caseId: id })).map((a) => a.action)).toEqual(expect.arrayContaining(["case.created", "self_check.saved"]));

    const calm = await caller.case.create({ ...details, selfCheck: { situations: [], cautions: [] } });
    expect((await caller.case.get({ caseId: calm.id })).urgent).toBe(false);
    const plain = await caller.case.create(details);
    expect(await caller.selfCheck.get({ caseId: plain.id })).toBeNull();
  });
});

describe("the checklist", () => {
  it("lists the four phases with their items, all unticked on a new case", async () => {
    const { caseId, viewer } = await setup();
    const checklist = await viewer.checklist.get({ caseId });
    expect(checklist.phases.map((p) => p.phase)).toEqual(["before_scheduling", "before_appointment", "during_appointment", "after_appointment"]);
    expect(checklist.done).toBe(0);
    expect(checklist.total).toBe(16);
    expect(checklist.phases[0]!.items[0]).toMatchObject({ key: "main_questions", place: "questions", auto: true, href: `/cases/${caseId}/questions` });
  });

  /** Each auto item: a step that makes it true, and one that makes it false again, through the real procedures. */
  const AUTO_CASES: { key: AutoChecklistItem; on: (s: Setup) => Promise<unknown>; off: (s: Setup) => Promise<unknown> }[] = [
    {
      key: "main_questions",
      on: async ({ caseId, supporter }) => supporter.question.create({ caseId, text: "What if we wait?" }),
      off: async ({ caseId, owner }) => {
        for (const q of await owner.question.list({ caseId })) await owner.question.delete({ caseId, id: q.id, version: q.version });
      },
    },
    {
      key: "top_questions",
      on: async ({ caseId, supporter }) => {
        for (const text of ["One?", "Two?", "Three?"]) {
          const q = await supporter.question.create({ caseId, text });
          await supporter.question.setFlags({ caseId, id: q.id, pinned: true });
        }
      },
      off: async ({ caseId, owner }) => {
        const [q] = await owner.question.list({ caseId });
        await owner.question.setFlags({ caseId, id: q!.id, pinned: false });
      },
    },
    {
      key: "kind_chosen",
      on: async ({ caseId, supporter }) => {
        await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion" });
        await supporter.opinion.create({ caseId, ...OPINION, label: "Second opinion", kind: "subspecialist" });
      },
      off: async ({ caseId, owner }) => {
        const [, second] = await owner.opinion.list({ caseId });
        await owner.opinion.delete({ caseId, id: second!.id, version: second!.version });
      },
    },
    {
      key: "insurance_checked",
      on: async ({ caseId, supporter }) => {
        await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion", inNetwork: "yes" });
        const second = await supporter.opinion.create({ caseId, ...OPINION, label: "Second opinion" });
        // The first opinion's logistics do not count; the second's do.
        expect(await itemDone(supporter, caseId, "insurance_checked")).toBe(false);
        await supporter.opinion.update({ caseId, id: second.id, version: second.version, ...OPINION, label: "Second opinion", referralNeeded: "no" });
      },
      off: async ({ caseId, owner }) => {
        const [, second] = await owner.opinion.list({ caseId });
        await owner.opinion.update({ caseId, id: second!.id, version: second!.version, ...OPINION, label: "Second opinion" });
      },
    },
    {
      key: "records_requested",
      on: async ({ caseId, supporter }) => {
        const a = await supporter.record.create({ caseId, title: "Clinic notes", kind: "clinic_notes", source: "", notes: "", private: false });
        const b = await supporter.record.create({ caseId, title: "MRI report", kind: "imaging_report", source: "", notes: "", private: false });
        await supporter.record.markRequested({ caseId, ids: [a.id] });
        expect(await itemDone(supporter, caseId, "records_requested")).toBe(false);
        await supporter.record.setStatus({ caseId, id: b.id, status: "received" });
      },
      off: async ({ caseId, supporter }) => {
        await supporter.record.create({ caseId, title: "Pathology", kind: "pathology_report", source: "", notes: "", private: false });
      },
    },
    {
      key: "records_received",
      on: async ({ caseId, supporter }) => {
        const a = await supporter.record.create({ caseId, title: "Clinic notes", kind: "clinic_notes", source: "", notes: "", private: false });
        await supporter.record.setStatus({ caseId, id: a.id, status: "shared" });
      },
      off: async ({ caseId, owner }) => {
        const [a] = await owner.record.list({ caseId });
        await owner.record.setStatus({ caseId, id: a!.id, status: "requested" });
      },
    },
    {
      key: "records_organised",
      on: async ({ caseId, supporter, supporterId }) => {
        const a = await supporter.record.create({ caseId, title: "Blood work", kind: "blood_work", source: "", notes: "", private: false });
        await upload(supporterId, caseId, a.id);
      },
      off: async ({ caseId, owner }) => {
        const [a] = await owner.record.list({ caseId });
        const [file] = await owner.file.list({ caseId, recordId: a!.id });
        await owner.file.delete({ caseId, fileId: file!.id });
      },
    },
    {
      key: "medication_allergy_lists",
      on: async ({ caseId, supporter }) => supporter.healthList.allergy.create({ caseId, substance: "Latex", reaction: "", severity: "mild" }),
      off: async ({ caseId, owner }) => {
        const [allergy] = await owner.healthList.allergy.list({ caseId });
        await owner.healthList.allergy.remove({ caseId, id: allergy!.id, version: allergy!.version });
      },
    },
    {
      key: "understanding_written",
      on: async ({ caseId, owner }) => {
        const c = await owner.case.get({ caseId });
        await owner.case.update({ caseId, version: c.version, patientName: c.patientName, title: c.title, understanding: "A torn meniscus.", decision: "", urgent: false });
      },
      off: async ({ caseId, owner }) => {
        const c = await owner.case.get({ caseId });
        await owner.case.update({ caseId, version: c.version, patientName: c.patientName, title: c.title, understanding: "   ", decision: "", urgent: false });
      },
    },
    {
      key: "visit_notes",
      on: async ({ caseId, supporter }) => {
        const opinion = await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion" });
        await supporter.note.create({ caseId, body: "She said we can wait.", opinionId: opinion.id, private: false });
      },
      off: async ({ caseId, supporter }) => {
        const [note] = await supporter.note.list({ caseId });
        await supporter.note.update({ caseId, id: note!.id, version: note!.version, body: note!.body, opinionId: null, private: false });
      },
    },
    {
      key: "second_opinion_recorded",
      on: async ({ caseId, supporter }) => {
        await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion", status: "completed" });
        expect(await itemDone(supporter, caseId, "second_opinion_recorded")).toBe(false);
        await supporter.opinion.create({ caseId, ...OPINION, label: "Second opinion", status: "completed" });
      },
      off: async ({ caseId, owner }) => {
        const [, second] = await owner.opinion.list({ caseId });
        await owner.opinion.update({ caseId, id: second!.id, version: second!.version, ...OPINION, label: "Second opinion", status: "scheduled" });
      },
    },
    {
      key: "opinions_compared",
      on: async ({ caseId, supporter, owner }) => {
        const first = await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion" });
        const second = await supporter.opinion.create({ caseId, ...OPINION, label: "Second opinion" });
        await supporter.comparison.saveCell({ caseId, opinionId: first.id, aspect: "main_plan", text: "Surgery", version: 0 });
        expect(await itemDone(supporter, caseId, "opinions_compared")).toBe(false);
        await owner.comparison.saveCell({ caseId, opinionId: second.id, aspect: "risks", text: "Infection", version: 0 });
      },
      off: async ({ caseId, owner }) => {
        const [, second] = await owner.opinion.list({ caseId });
        await owner.comparison.saveCell({ caseId, opinionId: second!.id, aspect: "risks", text: "", version: 1 });
      },
    },
    {
      key: "reflection_written",
      on: async ({ caseId, supporter }) => supporter.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION }),
      // Only current writers' reflections count, as on the Decide page.
      off: async ({ caseId, owner }) => {
        const members = await owner.member.list({ caseId });
        const sid = members.find((m) => m.name === "Sid Supporter");
        await owner.member.remove({ caseId, memberId: sid!.id });
      },
    },
  ];

  for (const { key, on, off } of AUTO_CASES) {
    it(`"${key}" ticks itself when its condition becomes true and unticks when it stops`, async () => {
      const s = await setup();
      expect(await itemDone(s.viewer, s.caseId, key)).toBe(false);
      await on(s);
      expect(await itemDone(s.viewer, s.caseId, key)).toBe(true);
      await off(s);
      expect(await itemDone(s.owner, s.caseId, key)).toBe(false);
    });
  }

  it("covers every auto item", () => {
    const checklistKeys = AUTO_CASES.map((c) => c.key).sort();
    expect(checklistKeys).toEqual(
      [
        "insurance_checked",
        "kind_chosen",
        "main_questions",
        "medication_allergy_lists",
        "opinions_compared",
        "records_organised",
        "records_received",
        "records_requested",
        "reflection_written",
        "second_opinion_recorded",
        "top_questions",
        "understanding_written",
        "visit_notes",
      ].sort(),
    );
  });

  it("a logged call about a second opinion counts as checking insurance", async () => {
    const { caseId, supporter, viewer } = await setup();
    await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion" });
    const second = await supporter.opinion.create({ caseId, ...OPINION, label: "Second opinion" });
    await supporter.opinion.logCall({ caseId, opinionId: second.id, calledAt: new Date(), who: "Insurer", reference: "A1", summary: "" });
    expect(await itemDone(viewer, caseId, "insurance_checked")).toBe(true);
  });

  it("private notes, records and files never tick an item, for anyone", async () => {
    const { caseId, owner, supporter, viewer, supporterId } = await setup();
    const opinion = await supporter.opinion.create({ caseId, ...OPINION, label: "First opinion" });
    await supporter.note.create({ caseId, body: "My own visit notes", opinionId: opinion.id, private: true });
    const secret = await supporter.record.create({ caseId, title: "Therapy notes", kind: "other", source: "", notes: "", private: true });
    await supporter.record.setStatus({ caseId, id: secret.id, status: "received" });
    await upload(supporterId, caseId, secret.id);
    for (const caller of [supporter, owner, viewer]) {
      for (const key of ["visit_notes", "records_requested", "records_received", "records_organised"]) {
        expect(await itemDone(caller, caseId, key), `${key} stays unticked`).toBe(false);
      }
    }
    // A private record still "needed" does not hold back the shared ones either.
    await supporter.record.create({ caseId, title: "Private letter", kind: "other", source: "", notes: "", private: true });
    const shared = await supporter.record.create({ caseId, title: "Clinic notes", kind: "clinic_notes", source: "", notes: "", private: false });
    await supporter.record.setStatus({ caseId, id: shared.id, status: "received" });
    expect(await itemDone(viewer, caseId, "records_received")).toBe(true);
  });

  it("manual items are ticked by hand with who and when, persist, can be unticked, and viewers cannot tick", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    await supporter.checklist.setTick({ caseId, item: "follow_up_original", ticked: true });
    // Ticking again keeps the first tick.
    await owner.checklist.setTick({ caseId, item: "follow_up_original", ticked: true });
    let item = (await viewer.checklist.get({ caseId })).phases[3]!.items.find((i) => i.key === "follow_up_original")!;
    expect(item).toMatchObject({ auto: false, done: true, tickedByName: "Sid Supporter" });
    expect(item.tickedAt).toBeInstanceOf(Date);
    expect((await viewer.checklist.get({ caseId })).phases[3]!.done).toBe(1);

    await expect(viewer.checklist.setTick({ caseId, item: "more_questions", ticked: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      owner.checklist.setTick({ caseId, item: "main_questions" as "more_questions", ticked: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await owner.checklist.setTick({ caseId, item: "follow_up_original", ticked: false });
    item = (await viewer.checklist.get({ caseId })).phases[3]!.items.find((i) => i.key === "follow_up_original")!;
    expect(item).toMatchObject({ done: false, tickedByName: null, tickedAt: null });

    const actions = (await viewer.activity.list({ caseId })).map((a) => a.action);
    expect(actions.filter((a) => a === "checklist.ticked")).toHaveLength(1);
    expect(actions.filter((a) => a === "checklist.unticked")).toHaveLength(1);
  });

  it("ticks of one case do not show in another", async () => {
    const mine = await setup();
    const theirs = await setup();
    await theirs.owner.checklist.setTick({ caseId: theirs.caseId, item: "ask_to_explain", ticked: true });
    await theirs.owner.question.create({ caseId: theirs.caseId, text: "Theirs?" });
    expect((await mine.owner.checklist.get({ caseId: mine.caseId })).done).toBe(0);
  });
});
