import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AllergyList, MedicationList, ProcedureList } from "@/components/health-list/health-lists";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("healthLists.page");
  return { title: t("title") };
}

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
  const [caller, t] = await Promise.all([api(), getTranslations("healthLists.page")]);
  const [medications, allergies, procedures] = await Promise.all([
    caller.healthList.medication.list({ caseId }),
    caller.healthList.allergy.list({ caseId }),
    caller.healthList.procedure.list({ caseId }),
  ]);
  const canEdit = theCase.myRole !== "viewer";

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl">
          {t("intro", { patient: theCase.patientName })}
          {canEdit && <> {t("introEditor")}</>}
        </p>
      </div>
      <ListSection
        id="medications-title"
        title={t("medications")}
        intro={t("medicationsIntro")}
      >
        <MedicationList caseId={caseId} items={medications} canEdit={canEdit} />
      </ListSection>
      <ListSection
        id="allergies-title"
        title={t("allergies")}
        intro={t("allergiesIntro")}
      >
        <AllergyList caseId={caseId} items={allergies} canEdit={canEdit} />
      </ListSection>
      <ListSection
        id="procedures-title"
        title={t("procedures")}
        intro={t("proceduresIntro")}
      >
        <ProcedureList caseId={caseId} items={procedures} canEdit={canEdit} />
      </ListSection>
    </div>
  );
}
