/**
 * Walks the whole tRPC router: every case procedure (found by its `minRole` meta) is called as
 * owner, supporter, viewer, a lapsed member, the owner of another case, a signed-in outsider and
 * anonymous, and must allow or refuse exactly as the role table says. A new procedure that is
 * neither listed below nor declared case-free makes this test fail.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/db/factories";
import {
  activity,
  allergies,
  decisions,
  invitations,
  medications,
  notes,
  opinionCalls,
  opinions,
  pastProcedures,
  questions,
  records,
} from "@/db/schema";
import { createToken } from "@/server/auth/tokens";
import { uploadRecordFile } from "@/server/files/record-files";
import { appRouter } from "@/server/routers/_app";
import { roleAtLeast, type CaseRole } from "@/server/shared/roles";
import type { Meta } from "@/server/trpc";
import { anonymousCaller, callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

type Fixture = {
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
};
type Persona = "owner" | "supporter" | "viewer" | "lapsed" | "otherCaseOwner" | "outsider" | "anonymous";

const MEDICATION = { name: "Aspirin", dose: "75 mg", frequency: "daily", purpose: "", prescriber: "", notes: "" };
const ALLERGY = { substance: "Latex", reaction: "Rash", severity: "mild" };
const OPINION = {
  label: "Second opinion",
  clinician: "",
  specialty: "",
  institution: "",
  kind: "telehealth",
  visitAt: null,
  status: "considering",
  inNetwork: "unknown",
  referralNeeded: "unknown",
  preApprovalNeeded: "unknown",
  expectedCosts: "",
};
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
const INPUTS: Record<string, (f: Fixture) => Record<string, unknown>> = {
  "activity.list": (f) => ({ caseId: f.caseId }),
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
  "question.create": (f) => ({ caseId: f.caseId, text: "What happens if we wait?" }),
  "question.addFromBank": (f) => ({ caseId: f.caseId, bankKey: "options-why" }),
  "question.update": (f) => ({ caseId: f.caseId, id: f.questionId, version: 1, text: "Reworded" }),
  "question.setFlags": (f) => ({ caseId: f.caseId, id: f.questionId, pinned: true }),
  "question.answer": (f) => ({ caseId: f.caseId, id: f.questionId, version: 1, answer: "They said soon." }),
  "question.reorder": (f) => ({ caseId: f.caseId, ids: [f.questionId] }),
  "question.delete": (f) => ({ caseId: f.caseId, id: f.questionId }),
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
  "record.delete": (f) => ({ caseId: f.caseId, id: f.recordId }),
  "file.list": (f) => ({ caseId: f.caseId, recordId: f.recordId }),
  "file.delete": (f) => ({ caseId: f.caseId, fileId: f.fileId }),
  "healthList.medication.list": (f) => ({ caseId: f.caseId }),
  "healthList.medication.create": (f) => ({ caseId: f.caseId, ...MEDICATION }),
  "healthList.medication.update": (f) => ({ caseId: f.caseId, id: f.medicationId, version: 1, ...MEDICATION }),
  "healthList.medication.remove": (f) => ({ caseId: f.caseId, id: f.medicationId }),
  "healthList.medication.reorder": (f) => ({ caseId: f.caseId, ids: [f.medicationId] }),
  "healthList.allergy.list": (f) => ({ caseId: f.caseId }),
  "healthList.allergy.create": (f) => ({ caseId: f.caseId, ...ALLERGY }),
  "healthList.allergy.update": (f) => ({ caseId: f.caseId, id: f.allergyId, version: 1, ...ALLERGY }),
  "healthList.allergy.remove": (f) => ({ caseId: f.caseId, id: f.allergyId }),
  "healthList.allergy.reorder": (f) => ({ caseId: f.caseId, ids: [f.allergyId] }),
  "healthList.procedure.list": (f) => ({ caseId: f.caseId }),
  "healthList.procedure.create": (f) => ({ caseId: f.caseId, ...PROCEDURE }),
  "healthList.procedure.update": (f) => ({ caseId: f.caseId, id: f.procedureId, version: 1, ...PROCEDURE }),
  "healthList.procedure.remove": (f) => ({ caseId: f.caseId, id: f.procedureId }),
  "healthList.procedure.reorder": (f) => ({ caseId: f.caseId, ids: [f.procedureId] }),
  "opinion.list": (f) => ({ caseId: f.caseId }),
  "opinion.suggestedLabel": (f) => ({ caseId: f.caseId }),
  "opinion.create": (f) => ({ caseId: f.caseId, ...OPINION }),
  "opinion.update": (f) => ({ caseId: f.caseId, id: f.opinionId, version: 1, ...OPINION }),
  "opinion.deletionImpact": (f) => ({ caseId: f.caseId, id: f.opinionId }),
  "opinion.delete": (f) => ({ caseId: f.caseId, id: f.opinionId }),
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
  "live.events": (f) => ({ caseId: f.caseId }),
  "live.heartbeat": (f) => ({ caseId: f.caseId, section: "questions" }),
  "live.presence": (f) => ({ caseId: f.caseId }),
  "live.unread": (f) => ({ caseId: f.caseId }),
  "live.markSectionSeen": (f) => ({ caseId: f.caseId, section: "notes" }),
  "note.list": (f) => ({ caseId: f.caseId }),
  "note.create": (f) => ({ caseId: f.caseId, body: "Notes from the call", private: false }),
  "note.update": (f) => ({ caseId: f.caseId, id: f.noteId, version: 1, body: "Edited", private: false }),
  "note.delete": (f) => ({ caseId: f.caseId, id: f.noteId }),
};

/** Procedures that are deliberately not case-scoped (they take no caseId). */
const CASE_FREE = new Set([
  "account.signUp",
  "account.me",
  "account.requestPasswordReset",
  "account.resetPassword",
  "case.list",
  "case.create",
  "digest.setting",
  "digest.set",
  "invitation.preview",
  "invitation.accept",
]);

// At run time `_def.procedures` is a flat map of dotted paths (its static type is the nested router).
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>);
const caseProcedures = procedures
  .filter(([, proc]) => proc._def.meta?.minRole)
  .map(([path, proc]) => ({ path, minRole: proc._def.meta!.minRole as CaseRole }));

/** Past the gate, a domain rule may still refuse: these are the only expected ones. */
const DOMAIN_REFUSALS: Record<string, string> = {
  "member.leave:owner": "BAD_REQUEST", // the owner hands over ownership before leaving
  "note.update:owner": "FORBIDDEN", // only the author edits a note (the fixture's note is the supporter's)
};

const PERSONAS: Persona[] = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "anonymous"];

function expectedOutcome(persona: Persona, minRole: CaseRole): "allowed" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" {
  if (persona === "anonymous") return "UNAUTHORIZED";
  if (persona === "lapsed" || persona === "otherCaseOwner" || persona === "outsider") return "NOT_FOUND";
  return roleAtLeast(persona, minRole) ? "allowed" : "FORBIDDEN";
}

let database: TestDatabase;
let people: Record<Exclude<Persona, "anonymous"> | "other", Awaited<ReturnType<typeof createUser>>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const names = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "other"] as const;
  const created = await Promise.all(names.map((name) => createUser(database.db, { name })));
  people = Object.fromEntries(names.map((n, i) => [n, created[i]!])) as typeof people;
  await createCase(database.db, people.otherCaseOwner.id);
});
afterAll(() => database?.cleanup());

async function freshFixture(): Promise<Fixture> {
  const db = database.db;
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
  };
}

async function callAs(persona: Persona, path: string, input: Record<string, unknown>) {
  const caller = persona === "anonymous" ? anonymousCaller(database.db) : await callerFor(database.db, people[persona]);
  type Node = { [key: string]: Node } & ((input: unknown) => Promise<unknown>);
  const fn = path.split(".").reduce((node, key) => node[key]!, caller as unknown as Node);
  return fn(input);
}

const activityCount = async (caseId: string) =>
  (await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, caseId)))[0]!.n;

describe("authorization matrix", () => {
  it("finds the case procedures, and every procedure is either listed here or declared case-free", () => {
    expect(caseProcedures.length).toBeGreaterThanOrEqual(Object.keys(INPUTS).length);
    for (const [path, proc] of procedures) {
      const covered = proc._def.meta?.minRole ? path in INPUTS : CASE_FREE.has(path);
      expect(covered, `${path} is not covered by the authorization matrix`).toBe(true);
    }
  });

  for (const { path, minRole } of caseProcedures) {
    describe(`${path} (at least ${minRole})`, () => {
      for (const persona of PERSONAS) {
        const expected = expectedOutcome(persona, minRole);
        it(`${persona}: ${expected === "allowed" ? "allowed" : `refused with ${expected}`}`, async () => {
          const fixture = await freshFixture();
          const input = INPUTS[path]!(fixture);
          const before = await activityCount(fixture.caseId);
          const outcome = await callAs(persona, path, input).then(
            () => "allowed" as const,
            (error: { code?: string }) => error.code ?? "thrown",
          );
          if (expected === "allowed") {
            expect(outcome).toBe(DOMAIN_REFUSALS[`${path}:${persona}`] ?? "allowed");
          } else {
            expect(outcome).toBe(expected);
            expect(await activityCount(fixture.caseId), "a refusal changed nothing").toBe(before);
          }
        });
      }
    });
  }
});
