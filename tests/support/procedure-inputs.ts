/**
 * A valid input for every tRPC procedure, on a fresh case with one of everything. The authorization
 * matrix and the hostile-input properties both start from these.
 */
import type { Db } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { allergies, decisions, invitations, medications, notes, opinionCalls, opinions, pastProcedures, questions, records, tasks } from "@/db/schema";
import { createToken } from "@/server/auth/tokens";
import { uploadRecordFile } from "@/server/files/record-files";
import { appRouter } from "@/server/routers/_app";
import type { CaseRole } from "@/lib/member";
import type { Meta } from "@/server/trpc";
import { anonymousCaller, callerFor } from "./callers";
import { OPINION_FIELDS } from "./sample-fields";

export type Fixture = {
  caseId: string;
  title: string;
  otherMemberId: string;
  invitationId: string;
  questionId: string;
  recordId: string;
  /** Written by the supporter (notes are edited by their authors only). */
  noteId: string;
  /** Uploaded by the supporter to the (shared) record. */
  fileId: string;
  medicationId: string;
  allergyId: string;
  procedureId: string;
  opinionId: string;
  callId: string;
  decisionId: string;
  /** Open, for anyone, about the question. */
  taskId: string;
};
export type Persona = "owner" | "supporter" | "viewer" | "lapsed" | "otherCaseOwner" | "outsider" | "anonymous";

const MEDICATION = { name: "Aspirin", dose: "75 mg", frequency: "daily", purpose: "", prescriber: "", notes: "" };
const ALLERGY = { substance: "Latex", reaction: "Rash", severity: "mild" };
const REFLECTION = {
  values: ["quality_of_life"],
  valuesOther: "",
  riskComfort: 3,
  practical: "",
  communication: "",
  communicationOpinionId: null,
  feelSure: null,
  knowBenefitsRisks: null,
  clearOnPriorities: null,
  enoughSupport: null,
  canSayWhat: null,
  canSayWhy: null,
  canSayAlternatives: null,
};
const PROCEDURE = { what: "Knee arthroscopy", whenText: "2019", place: "", description: "" };

/** A valid input for every case procedure, built on a fresh case. */
export const INPUTS: Record<string, (f: Fixture) => Record<string, unknown>> = {
  "activity.list": (f) => ({ caseId: f.caseId }),
  "activity.feed": (f) => ({ caseId: f.caseId }),
  "accessLog.list": (f) => ({ caseId: f.caseId }),
  "case.get": (f) => ({ caseId: f.caseId }),
  "case.update": (f) => ({
    caseId: f.caseId,
    patientName: "Pat",
    title: "Renamed",
    understanding: "",
    decision: "",
    urgent: false,
    version: 1,
  }),
  "case.setArchived": (f) => ({ caseId: f.caseId, archived: true }),
  "twoStep.caseRequirement": (f) => ({ caseId: f.caseId }),
  "twoStep.setCaseRequirement": (f) => ({ caseId: f.caseId, required: false }),
  "case.delete": (f) => ({ caseId: f.caseId, confirmTitle: f.title }),
  "case.transferOwnership": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId }),
  "case.markSeen": (f) => ({ caseId: f.caseId }),
  "member.list": (f) => ({ caseId: f.caseId }),
  "member.changeRole": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId, role: "supporter" }),
  "member.remove": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId }),
  "member.setAccessEnd": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId, accessEndsAt: new Date(Date.now() + 86_400_000) }),
  "member.leave": (f) => ({ caseId: f.caseId }),
  "invitation.list": (f) => ({ caseId: f.caseId }),
  "invitation.create": (f) => ({ caseId: f.caseId, email: `new-${f.caseId.slice(0, 8)}@example.test`, role: "viewer", message: "" }),
  "invitation.resend": (f) => ({ caseId: f.caseId, invitationId: f.invitationId }),
  "invitation.revoke": (f) => ({ caseId: f.caseId, invitationId: f.invitationId }),
  "question.list": (f) => ({ caseId: f.caseId }),
  "question.summary": (f) => ({ caseId: f.caseId }),
  "question.get": (f) => ({ caseId: f.caseId, id: f.questionId }),
  "question.create": (f) => ({ caseId: f.caseId, text: "What happens if we wait?" }),
  "question.addFromBank": (f) => ({ caseId: f.caseId, bankKey: "options-why" }),
  "question.update": (f) => ({ caseId: f.caseId, id: f.questionId, version: 1, text: "Reworded" }),
  "question.setFlags": (f) => ({ caseId: f.caseId, id: f.questionId, pinned: true }),
  "question.answer": (f) => ({ caseId: f.caseId, id: f.questionId, version: 1, answer: "They said soon." }),
  "question.reorder": (f) => ({ caseId: f.caseId, ids: [f.questionId] }),
  "question.delete": (f) => ({ caseId: f.caseId, id: f.questionId, version: 1 }),
  "record.list": (f) => ({ caseId: f.caseId }),
  "record.create": (f) => ({ caseId: f.caseId, title: "MRI report", kind: "imaging_report", source: "", notes: "", private: false }),
  "record.addSuggested": (f) => ({ caseId: f.caseId }),
  "record.update": (f) => ({
    caseId: f.caseId,
    id: f.recordId,
    version: 1,
    title: "Blood tests",
    kind: "blood_work",
    source: "Clinic",
    notes: "",
    private: false,
  }),
  "record.setStatus": (f) => ({ caseId: f.caseId, id: f.recordId, status: "received" }),
  "record.markRequested": (f) => ({ caseId: f.caseId, ids: [f.recordId] }),
  "record.delete": (f) => ({ caseId: f.caseId, id: f.recordId, version: 1 }),
  "file.list": (f) => ({ caseId: f.caseId, recordId: f.recordId }),
  "file.delete": (f) => ({ caseId: f.caseId, fileId: f.fileId }),
  "healthList.medication.list": (f) => ({ caseId: f.caseId }),
  "healthList.medication.get": (f) => ({ caseId: f.caseId, id: f.medicationId }),
  "healthList.medication.create": (f) => ({ caseId: f.caseId, ...MEDICATION }),
  "healthList.medication.update": (f) => ({ caseId: f.caseId, id: f.medicationId, version: 1, ...MEDICATION }),
  "healthList.medication.remove": (f) => ({ caseId: f.caseId, id: f.medicationId, version: 1 }),
  "healthList.medication.reorder": (f) => ({ caseId: f.caseId, ids: [f.medicationId] }),
  "healthList.allergy.list": (f) => ({ caseId: f.caseId }),
  "healthList.allergy.get": (f) => ({ caseId: f.caseId, id: f.allergyId }),
  "healthList.allergy.create": (f) => ({ caseId: f.caseId, ...ALLERGY }),
  "healthList.allergy.update": (f) => ({ caseId: f.caseId, id: f.allergyId, version: 1, ...ALLERGY }),
  "healthList.allergy.remove": (f) => ({ caseId: f.caseId, id: f.allergyId, version: 1 }),
  "healthList.allergy.reorder": (f) => ({ caseId: f.caseId, ids: [f.allergyId] }),
  "healthList.procedure.list": (f) => ({ caseId: f.caseId }),
  "healthList.procedure.get": (f) => ({ caseId: f.caseId, id: f.procedureId }),
  "healthList.procedure.create": (f) => ({ caseId: f.caseId, ...PROCEDURE }),
  "healthList.procedure.update": (f) => ({ caseId: f.caseId, id: f.procedureId, version: 1, ...PROCEDURE }),
  "healthList.procedure.remove": (f) => ({ caseId: f.caseId, id: f.procedureId, version: 1 }),
  "healthList.procedure.reorder": (f) => ({ caseId: f.caseId, ids: [f.procedureId] }),
  "task.list": (f) => ({ caseId: f.caseId }),
  "task.overview": (f) => ({ caseId: f.caseId }),
  "task.create": (f) => ({ caseId: f.caseId, title: "Call the insurer", note: "", assigneeId: null, dueOn: "2026-12-01", link: { kind: "opinion", id: f.opinionId } }),
  "task.update": (f) => ({ caseId: f.caseId, id: f.taskId, version: 1, title: "Ask the clinic", note: "", assigneeId: null, dueOn: null, link: null }),
  "task.setDone": (f) => ({ caseId: f.caseId, id: f.taskId, version: 1, done: true }),
  "task.delete": (f) => ({ caseId: f.caseId, id: f.taskId, version: 1 }),
  "task.suggestions": (f) => ({ caseId: f.caseId }),
  // The fixture's record is still needed and its opinion has no visit date: both are suggested.
  "task.createFromSuggestion": (f) => ({ caseId: f.caseId, key: `request_records:${f.recordId}` }),
  "task.dismissSuggestion": (f) => ({ caseId: f.caseId, key: `book_visit:${f.opinionId}` }),
  "opinion.list": (f) => ({ caseId: f.caseId }),
  "opinion.suggestedLabel": (f) => ({ caseId: f.caseId }),
  "opinion.create": (f) => ({ caseId: f.caseId, ...OPINION_FIELDS }),
  "opinion.update": (f) => ({ caseId: f.caseId, id: f.opinionId, version: 1, ...OPINION_FIELDS }),
  "opinion.deletionImpact": (f) => ({ caseId: f.caseId, id: f.opinionId }),
  "opinion.delete": (f) => ({ caseId: f.caseId, id: f.opinionId, version: 1 }),
  "opinion.listCalls": (f) => ({ caseId: f.caseId, opinionId: f.opinionId }),
  "opinion.logCall": (f) => ({ caseId: f.caseId, opinionId: f.opinionId, calledAt: new Date(), who: "Insurer", reference: "", summary: "" }),
  "opinion.deleteCall": (f) => ({ caseId: f.caseId, callId: f.callId }),
  "comparison.grid": (f) => ({ caseId: f.caseId }),
  "comparison.saveCell": (f) => ({ caseId: f.caseId, opinionId: f.opinionId, aspect: "risks", text: "Low", version: 0 }),
  "comparison.markRow": (f) => ({ caseId: f.caseId, aspect: "risks", mark: "agree" }),
  "comparison.addClarifyingQuestion": (f) => ({ caseId: f.caseId, aspect: "risks", bankKey: "options-why", opinionId: f.opinionId }),
  "reflection.list": (f) => ({ caseId: f.caseId }),
  "reflection.save": (f) => ({ caseId: f.caseId, version: 0, ...REFLECTION }),
  "decision.history": (f) => ({ caseId: f.caseId }),
  "decision.record": (f) => ({ caseId: f.caseId, path: "still_deciding", reasons: "", nextSteps: "", decidedOn: "2026-11-26" }),
  "decision.comment": (f) => ({ caseId: f.caseId, decisionId: f.decisionId, body: "Agreed" }),
  "selfCheck.get": (f) => ({ caseId: f.caseId }),
  "selfCheck.save": (f) => ({ caseId: f.caseId, version: 0, situations: ["serious_diagnosis"], cautions: [] }),
  "checklist.get": (f) => ({ caseId: f.caseId }),
  "checklist.setTick": (f) => ({ caseId: f.caseId, item: "follow_up_original", ticked: true }),
  "live.events": (f) => ({ caseId: f.caseId }),
  "live.heartbeat": (f) => ({ caseId: f.caseId, section: "questions" }),
  "live.presence": (f) => ({ caseId: f.caseId }),
  "live.unread": (f) => ({ caseId: f.caseId }),
  "live.markSectionSeen": (f) => ({ caseId: f.caseId, section: "notes" }),
  "packet.get": (f) => ({ caseId: f.caseId, opinionId: f.opinionId, choice: { sections: ["questions"], items: null, comingAlong: "" } }),
  "note.list": (f) => ({ caseId: f.caseId }),
  "note.create": (f) => ({ caseId: f.caseId, body: "Notes from the call", private: false }),
  "note.update": (f) => ({ caseId: f.caseId, id: f.noteId, version: 1, body: "Edited", private: false }),
  "note.delete": (f) => ({ caseId: f.caseId, id: f.noteId, version: 1 }),
};

/** Procedures that are deliberately not case-scoped (they take no caseId). */
export const CASE_FREE = new Set([
  "account.signUp",
  "account.me",
  "account.changePassword",
  "account.requestPasswordReset",
  "account.resetPassword",
  "account.deletionPreview",
  "account.delete",
  "case.list",
  "case.create",
  "invitation.preview",
  "invitation.accept",
  "notification.settings",
  "notification.set",
  "calendar.feed",
  "calendar.renewFeed",
  "calendar.revokeFeed",
  "emailLink.requestConfirmation",
  "twoStep.status",
  "password.status",
  "password.remove",
  "password.set",
  "twoStep.beginSetup",
  "twoStep.confirmSetup",
  "twoStep.turnOff",
  "twoStep.confirmIdentity",
  "account.confirmIdentity",
  "session.list",
  "session.end",
  "session.endOthers",
  "session.checkRecentProof",
  "session.confirmWays",
  "passkey.list",
  "passkey.registrationOptions",
  "passkey.add",
  "passkey.rename",
  "passkey.remove",
  "passkey.confirmOptions",
  "passkey.confirm",
]);

const PEOPLE = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "other"] as const;
export type People = Record<(typeof PEOPLE)[number], Awaited<ReturnType<typeof createUser>>>;

/** Everyone the fixtures need; the other case owner gets a case of their own. */
export async function createPeople(db: Db): Promise<People> {
  const created = await Promise.all(PEOPLE.map((name) => createUser(db, { name })));
  const people = Object.fromEntries(PEOPLE.map((n, i) => [n, created[i]!])) as People;
  await createCase(db, people.otherCaseOwner.id);
  return people;
}

// At run time `_def.procedures` is a flat map of dotted paths (its static type is the nested router).
export const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>);
export const caseProcedures = procedures
  .filter(([, proc]) => proc._def.meta?.minRole)
  .map(([path, proc]) => ({ path, minRole: proc._def.meta!.minRole as CaseRole }));

export type Caller = ReturnType<typeof anonymousCaller>;

/** A caller for one persona; `asOneRequest` gives it production's per-request access-check memo. */
export async function callerAs(db: Db, people: People, persona: Persona, options: { asOneRequest?: boolean } = {}): Promise<Caller> {
  return persona === "anonymous" ? anonymousCaller(db, undefined, options) : callerFor(db, people[persona], undefined, undefined, options);
}

/** Calls a procedure by its dotted path, e.g. "healthList.medication.create". */
export function callProcedure(caller: Caller, path: string, input: unknown): Promise<unknown> {
  type Node = { [key: string]: Node } & ((input: unknown) => Promise<unknown>);
  const fn = path.split(".").reduce((node, key) => node[key]!, caller as unknown as Node);
  return fn(input);
}

/** A fresh case with one of everything, the owner, supporter and viewer in it, and a lapsed member. */
export async function freshFixture(db: Db, people: People): Promise<Fixture> {
  const created = await createCase(db, people.owner.id);
  await addMember(db, created.id, people.supporter.id, "supporter");
  await addMember(db, created.id, people.viewer.id, "viewer");
  await addMember(db, created.id, people.lapsed.id, "supporter", { accessEndsAt: new Date(Date.now() - 60_000) });
  const otherMemberId = await addMember(db, created.id, people.other.id, "viewer");
  const [question] = await db
    .insert(questions)
    .values({ caseId: created.id, text: "Why this option?", authorId: people.owner.id })
    .returning({ id: questions.id });
  const [record] = await db
    .insert(records)
    .values({ caseId: created.id, title: "Clinic notes", kind: "clinic_notes", authorId: people.owner.id })
    .returning({ id: records.id });
  const [note] = await db
    .insert(notes)
    .values({ caseId: created.id, body: "A shared note", authorId: people.supporter.id })
    .returning({ id: notes.id });
  const [invitation] = await db
    .insert(invitations)
    .values({
      caseId: created.id,
      email: `invited-${created.id.slice(0, 8)}@example.test`,
      role: "viewer",
      tokenHash: createToken().tokenHash,
      invitedBy: people.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: invitations.id });
  const file = await uploadRecordFile({
    db,
    userId: people.supporter.id,
    caseId: created.id,
    recordId: record!.id,
    fileName: "letter.txt",
    body: (async function* () {
      yield new TextEncoder().encode("Referral letter");
    })(),
  });
  const [medication] = await db.insert(medications).values({ caseId: created.id, name: "Metformin" }).returning({ id: medications.id });
  const [allergy] = await db.insert(allergies).values({ caseId: created.id, substance: "Penicillin" }).returning({ id: allergies.id });
  const [procedure] = await db
    .insert(pastProcedures)
    .values({ caseId: created.id, what: "Appendectomy" })
    .returning({ id: pastProcedures.id });
  const [opinion] = await db.insert(opinions).values({ caseId: created.id, label: "First opinion" }).returning({ id: opinions.id });
  const [call] = await db
    .insert(opinionCalls)
    .values({ caseId: created.id, opinionId: opinion!.id, calledAt: new Date(), who: "Clinic" })
    .returning({ id: opinionCalls.id });
  const [decision] = await db
    .insert(decisions)
    .values({ caseId: created.id, path: "still_deciding", decidedOn: "2026-11-01", authorId: people.owner.id })
    .returning({ id: decisions.id });
  const [task] = await db
    .insert(tasks)
    .values({ caseId: created.id, title: "Ask about side effects", questionId: question!.id, authorId: people.owner.id })
    .returning({ id: tasks.id });
  return {
    caseId: created.id,
    title: created.title,
    otherMemberId,
    invitationId: invitation!.id,
    questionId: question!.id,
    recordId: record!.id,
    noteId: note!.id,
    fileId: file.id,
    medicationId: medication!.id,
    allergyId: allergy!.id,
    procedureId: procedure!.id,
    opinionId: opinion!.id,
    callId: call!.id,
    decisionId: decision!.id,
    taskId: task!.id,
  };
}
