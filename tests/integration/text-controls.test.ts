/**
 * Names and notes are saved without the invisible controls that make text read as something else
 * (issue 15 §4.12): bidirectional overrides, embeddings, isolates and marks, and C1 controls. Line
 * breaks, tabs and ordinary Unicode are kept. Through the real caller on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const HIDDEN = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u0080\u0085\u009F";
const hasHidden = (text: string) => /[\u0080-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(text);

describe("text fields drop bidirectional and C1 controls", () => {
  it("a note, a medication, a clinician and a patient's name come back clean; line breaks, tabs, accents, emoji and RTL letters stay", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);

    const created = await caller.case.create({ patientName: `Zoë${HIDDEN} Ruiz`, title: "Knee\u202E options", understanding: "", decision: "", urgent: false });
    const kase = await caller.case.get({ caseId: created.id });
    expect(kase.patientName).toBe("Zoë Ruiz");
    expect(kase.title).toBe("Knee options");

    const body = `Line one\u202E reversed\n\tIndented שלום 👋🏽\u0085 done${HIDDEN}`;
    await caller.note.create({ caseId: created.id, body, private: false });
    const [note] = await caller.note.list({ caseId: created.id });
    expect(note!.body).toBe("Line one reversed\n\tIndented שלום 👋🏽 done");

    await caller.healthList.medication.create({ caseId: created.id, name: "Aspirin\u2066 75\u2069", dose: "\u200F75 mg", frequency: "", purpose: "", prescriber: "Dr\u202E htimS", notes: "" });
    const [medication] = await caller.healthList.medication.list({ caseId: created.id });
    expect(medication!.name).toBe("Aspirin 75");
    expect(medication!.dose).toBe("75 mg");
    expect(medication!.prescriber).toBe("Dr htimS");

    const opinion = await caller.opinion.create({
      caseId: created.id,
      label: "Second\u009B opinion",
      clinician: "Dr\u202E htimS",
      specialty: "",
      institution: "مستشفى",
      kind: "telehealth",
      visitAt: null,
      status: "considering",
      inNetwork: "unknown",
      referralNeeded: "unknown",
      preApprovalNeeded: "unknown",
      expectedCosts: "",
    });
    const saved = (await caller.opinion.list({ caseId: created.id })).find((o) => o.id === opinion.id)!;
    expect(saved.clinician).toBe("Dr htimS");
    expect(saved.label).toBe("Second opinion");
    expect(saved.institution).toBe("مستشفى");
    for (const text of [kase.patientName, note!.body, medication!.name, saved.clinician]) expect(hasHidden(text)).toBe(false);
  });
});
