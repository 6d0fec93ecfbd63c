import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageRef } from "@/lib/i18n/message-ref";
import { caseWithMembers } from "../support/case-with-members";
import { createTestDatabase, type TestDatabase } from "../support/test-db";
import { BLANK_REFLECTION, OPINION_FIELDS } from "../support/sample-fields";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const setup = () => caseWithMembers(database.db);

describe("reflections", () => {
  it("each owner and supporter writes their own; everyone reads them side by side; viewers write none", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    const o = await owner.opinion.create({
      caseId,
      label: "Second opinion",
      clinician: "Dr Ruiz",
      specialty: "",
      institution: "",
      kind: "same_specialty",
      visitAt: null,
      status: "completed",
      inNetwork: "yes",
      referralNeeded: "no",
      preApprovalNeeded: "no",
      expectedCosts: "",
    });
    await owner.reflection.save({
      caseId,
      version: 0,
      ...BLANK_REFLECTION,
      values: ["quality_of_life", "independence", "quality_of_life"],
      riskComfort: 4,
      communicationOpinionId: o.id,
      communication: "She listened and drew diagrams.",
      feelSure: false,
    });
    await supporter.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION, values: ["length_of_life"], enoughSupport: true });
    await expect(viewer.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const both = await viewer.reflection.list({ caseId });
    expect(both.map((r) => r.authorName)).toEqual(["Olga Owner", "Sid Supporter"]);
    expect(both[0]).toMatchObject({ values: ["quality_of_life", "independence"], riskComfort: 4, feelSure: false, version: 1 });

    const again = await owner.reflection.save({ caseId, version: 1, ...BLANK_REFLECTION, values: ["function"] });
    expect(again).toMatchObject({ values: ["function"], version: 2 });
    await expect(owner.reflection.save({ caseId, version: 1, ...BLANK_REFLECTION })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { values: ["function"], version: 2 } },
    });
    // A second "first save" from another tab does not overwrite either.
    await expect(supporter.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION, practical: "other tab" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses a risk point outside 1–5, an unknown value and another case's opinion", async () => {
    const { caseId, owner } = await setup();
    const other = await setup();
    const foreign = await other.owner.opinion.create({
      ...OPINION_FIELDS,
      caseId: other.caseId,
      label: "Theirs",
    });
    await expect(owner.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION, riskComfort: 6 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(messageRef("decision.validation.chooseRisk")),
    });
    await expect(owner.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION, values: ["wealth" as "function"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(owner.reflection.save({ caseId, version: 0, ...BLANK_REFLECTION, communicationOpinionId: foreign.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // Editing a reflection that was never saved: there is nothing to edit.
    await expect(owner.reflection.save({ caseId, version: 3, ...BLANK_REFLECTION })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: messageRef("decision.errors.reflectionGone"),
    });
    expect(await owner.reflection.list({ caseId })).toEqual([]);
  });
});

describe("the decision", () => {
  it("only the owner records it; every version is kept in order; supporters comment", async () => {
    const { caseId, owner, supporter, viewer } = await setup();
    await expect(
      supporter.decision.record({ caseId, path: "wait_and_monitor", reasons: "", nextSteps: "", decidedOn: "2026-11-26" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await owner.decision.record({ caseId, path: "still_deciding", reasons: "Need the scan results.", nextSteps: "", decidedOn: "2026-11-20" });
    const second = await owner.decision.record({
      caseId,
      path: "continue_first_adjusted",
      reasons: "Surgery, but after a course of physio, as the second surgeon suggested.",
      nextSteps: "Follow-up with Dr Lee in January.",
      decidedOn: "2026-11-26",
    });
    await supporter.decision.comment({ caseId, decisionId: second.id, body: "I agree, and I'll drive you to physio." });
    await expect(viewer.decision.comment({ caseId, decisionId: second.id, body: "hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another case's decision is not in this case.
    const other = await setup();
    const theirs = await other.owner.decision.record({ caseId: other.caseId, path: "still_deciding", reasons: "", nextSteps: "", decidedOn: "2026-11-20" });
    await expect(supporter.decision.comment({ caseId, decisionId: theirs.id, body: "hi" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: messageRef("decision.errors.decisionGone"),
    });
    await expect(
      owner.decision.record({ caseId, path: "flip_a_coin" as "combination", reasons: "", nextSteps: "", decidedOn: "2026-11-26" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const history = await viewer.decision.history({ caseId });
    expect(history.map((d) => d.path)).toEqual(["continue_first_adjusted", "still_deciding"]);
    expect(history[0]).toMatchObject({ decidedOn: "2026-11-26", authorName: "Olga Owner" });
    expect(history[0]?.comments).toEqual([expect.objectContaining({ body: "I agree, and I'll drive you to physio.", authorName: "Sid Supporter" })]);
    expect(history[1]?.comments).toEqual([]);
  });
});
