import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AllergyList, MedicationList, ProcedureList } from "@/components/health-list/health-lists";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";

export const metadata: Metadata = { title: "Medications & history" };

type Props = { params: Promise<{ caseId: string }> };

function ListSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <div>
        <h2 id={id} className="text-2xl font-semibold">
          {title}
        </h2>
        <p className="mt-1 max-w-3xl text-muted">{intro}</p>
      </div>
      {children}
    </section>
  );
}

export default async function HealthPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "health");
  const caller = await api();
  const [medications, allergies, procedures] = await Promise.all([
    caller.healthList.medication.list({ caseId }),
    caller.healthList.allergy.list({ caseId }),
    caller.healthList.procedure.list({ caseId }),
  ]);
  const canEdit = theCase.myRole !== "viewer";

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">Medications &amp; history</h1>
        <p className="mt-2 max-w-3xl">
          A new clinician will want to know what {theCase.patientName} takes, what has caused bad reactions before, and
          which surgeries and procedures came earlier. Writing it down once here saves remembering it in the room.
          {canEdit ? " Put the most important items first: use Move up and Move down." : ""}
        </p>
      </div>
      <ListSection
        id="medications-title"
        title="Medications"
        intro="Everything taken regularly, including medicines bought without a prescription, vitamins and supplements."
      >
        <MedicationList caseId={caseId} items={medications} canEdit={canEdit} />
      </ListSection>
      <ListSection
        id="allergies-title"
        title="Allergies and reactions"
        intro="Allergies, and any earlier bad reaction to a medication or a treatment, even if it was not an allergy."
      >
        <AllergyList caseId={caseId} items={allergies} canEdit={canEdit} />
      </ListSection>
      <ListSection
        id="procedures-title"
        title="Past surgeries and procedures"
        intro="Operations and procedures, with roughly when and where they were done."
      >
        <ProcedureList caseId={caseId} items={procedures} canEdit={canEdit} />
      </ListSection>
    </div>
  );
}
