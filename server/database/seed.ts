/**
 * `npm run db:seed`: two demo accounts sharing a demo case (a question, the usual records, a medication,
 * two opinions and a first comparison), to explore the app with. Safe to run twice.
 * The case is made through the real procedures, so its activity log looks like real use.
 */
import { eq } from "drizzle-orm";
import { createAuthSession } from "@/server/auth/sessions";
import { closeDatabase, getDb } from "@/server/database/connection";
import { createLogMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import type { Db } from "@/db/client";
import { addMember, createUser } from "./factories";
import { users } from "@/db/schema";

export const DEMO_PASSWORD = "demo account open sesame";
const OWNER = { name: "Dana Demo", email: "demo@secondlook.local" };
const SUPPORTER = { name: "Sam Demo", email: "demo-supporter@secondlook.local" };

async function findOrCreate(db: Db, person: { name: string; email: string }) {
  const [existing] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, person.email));
  return { user: existing ?? (await createUser(db, { ...person, password: DEMO_PASSWORD })), created: !existing };
}

const db = await getDb();
const owner = await findOrCreate(db, OWNER);
const supporter = await findOrCreate(db, SUPPORTER);

if (owner.created) {
  const session = { user: owner.user, sessionId: await createAuthSession(db, owner.user.id) };
  const caller = createCaller(createContextInner({ db, session, mailer: createLogMailer(() => {}) }));
  const { id: caseId } = await caller.case.create({
    patientName: "Dana Demo",
    title: "Knee: surgery or physiotherapy first?",
    understanding: "An MRI showed a torn meniscus in my right knee. The surgeon suggested keyhole surgery soon.",
    decision: "Whether to have surgery now, or try a course of physiotherapy first and wait.",
    urgent: false,
    selfCheck: { situations: ["major_procedure", "need_more_information"], cautions: [] },
  });
  await addMember(db, caseId, supporter.user.id, "supporter");
  await caller.invitation.create({ caseId, email: "demo-viewer@secondlook.local", role: "viewer", message: "For you to follow along." });
  await caller.question.addFromBank({ caseId, bankKey: "urgency-wait" });
  await caller.record.addSuggested({ caseId });
  await caller.healthList.medication.create({
    caseId,
    name: "Ibuprofen",
    dose: "400 mg",
    frequency: "up to three times a day",
    purpose: "knee pain",
    prescriber: "Dr Lee",
    notes: "",
  });
  const visit = {
    caseId,
    specialty: "Orthopaedics",
    visitAt: null,
    inNetwork: "yes",
    referralNeeded: "no",
    preApprovalNeeded: "unknown",
    expectedCosts: "",
  } as const;
  const first = await caller.opinion.create({
    ...visit,
    label: "First opinion",
    clinician: "Dr Lee",
    institution: "City Hospital",
    kind: "original",
    status: "completed",
  });
  const second = await caller.opinion.create({
    ...visit,
    label: "Second opinion",
    clinician: "Dr Okafor",
    institution: "Knee Centre",
    kind: "subspecialist",
    status: "scheduled",
  });
  await caller.comparison.saveCell({ caseId, opinionId: first.id, aspect: "main_plan", text: "Keyhole surgery within a month.", version: 0 });
  await caller.comparison.saveCell({ caseId, opinionId: second.id, aspect: "main_plan", text: "Twelve weeks of physiotherapy first.", version: 0 });
  await caller.comparison.markRow({ caseId, aspect: "main_plan", mark: "differ" });
  console.log(`Demo case created: ${caseId}`);
}
console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${OWNER.email} (owner), ${SUPPORTER.email} (supporter)`);
await closeDatabase();
