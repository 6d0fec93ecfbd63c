/**
 * One case with something in every part the export holds: three members, two opinions with a call and a
 * grid, a question, a private record with a file, the health lists, shared and private notes, a
 * reflection, two decisions with a comment, a self-check, a checklist tick and a pending invitation.
 * Used by the export test and the restore drill.
 */
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { createToken } from "@/server/auth/tokens";
import { uploadRecordFile } from "@/server/files/record-files";
import { caseWithMembers } from "./case-with-members";

export const FULL_CASE_FILE_BYTES = Buffer.from("Referral letter: Ł ż 李 — plain text\n", "utf8");

export async function seedFullCase(db: Db) {
  const base = await caseWithMembers(db);
  const { caseId, owner, supporter } = base;
  const me = await owner.account.me();
  const supporterMe = await supporter.account.me();
  const opinionFields = {
    clinician: "Dr Núñez",
    specialty: "Orthopaedics",
    institution: "Clínica Norte",
    kind: "subspecialist" as const,
    visitAt: new Date("2026-12-01T09:30:00Z"),
    status: "scheduled" as const,
    inNetwork: "yes" as const,
    referralNeeded: "no" as const,
    preApprovalNeeded: "unknown" as const,
    expectedCosts: "€40 co-pay",
  };
  const first = await owner.opinion.create({ caseId, label: "First opinion", ...opinionFields });
  const second = await supporter.opinion.create({ caseId, label: "Second opinion", ...opinionFields, clinician: "Dr Lee" });
  await owner.opinion.logCall({ caseId, opinionId: second.id, calledAt: new Date(), who: "Insurer", reference: "REF-123", summary: "Covered" });
  await owner.question.create({ caseId, text: "Why surgery now?", opinionId: second.id });
  const record = await owner.record.create({ caseId, title: "MRI report", kind: "imaging_report", source: "City Hospital", notes: "", private: true });
  await uploadRecordFile({
    db,
    userId: me.id,
    caseId,
    recordId: record.id,
    fileName: "referral.txt",
    body: (async function* () {
      yield new Uint8Array(FULL_CASE_FILE_BYTES);
    })(),
  });
  await owner.healthList.medication.create({ caseId, name: "Metformin", dose: "500 mg", frequency: "twice a day", purpose: "", prescriber: "", notes: "" });
  await owner.healthList.allergy.create({ caseId, substance: "Penicillin", reaction: "Hives", severity: "moderate" });
  await owner.healthList.procedure.create({ caseId, what: "Appendectomy", whenText: "2015", place: "", description: "" });
  await owner.note.create({ caseId, body: "Shared note from the owner", private: false });
  await owner.note.create({ caseId, body: "Owner's own private note", private: true });
  await supporter.note.create({ caseId, body: "Supporter's secret worry", private: true });
  await supporter.comparison.saveCell({ caseId, opinionId: first.id, aspect: "main_plan", text: "Knee replacement", version: 0 });
  await owner.comparison.saveCell({ caseId, opinionId: second.id, aspect: "main_plan", text: "Physiotherapy first", version: 0 });
  await owner.comparison.markRow({ caseId, aspect: "main_plan", mark: "differ" });
  await owner.reflection.save({
    caseId,
    version: 0,
    values: ["quality_of_life"],
    valuesOther: "",
    riskComfort: 4,
    practical: "Work",
    communication: "",
    communicationOpinionId: second.id,
    feelSure: false,
    knowBenefitsRisks: true,
    clearOnPriorities: null,
    enoughSupport: true,
    canSayWhat: true,
    canSayWhy: null,
    canSayAlternatives: null,
  });
  const firstDecision = await owner.decision.record({ caseId, path: "still_deciding", reasons: "", nextSteps: "", decidedOn: "2026-11-20" });
  await supporter.decision.comment({ caseId, decisionId: firstDecision.id, body: "Take your time" });
  await owner.decision.record({ caseId, path: "wait_and_monitor", reasons: "Physiotherapy first", nextSteps: "Review in March", decidedOn: "2026-11-25" });
  await owner.selfCheck.save({ caseId, version: 0, situations: ["serious_diagnosis"], cautions: [] });
  await supporter.checklist.setTick({ caseId, item: "follow_up_original", ticked: true });
  await db.insert(invitations).values({
    caseId,
    email: "pending@example.test",
    role: "viewer",
    tokenHash: createToken().tokenHash,
    invitedBy: me.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { ...base, me, supporterMe, recordId: record.id };
}
