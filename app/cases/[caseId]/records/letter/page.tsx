import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { RequestLetter } from "@/components/record/request-letter";
import { api } from "@/server/caller";
import { visitSection } from "../../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records");
  return { title: t("letterPage.title") };
}

type Props = { params: Promise<{ caseId: string }> };

export default async function RecordsLetterPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "records");
  const records = await (await api()).record.list({ caseId });
  const t = await getTranslations("records");

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 print:hidden">
        <p>
          <Link href={`/cases/${caseId}/records`}>{t("letterPage.back")}</Link>
        </p>
        <h1 className="text-3xl font-bold">{t("letterPage.title")}</h1>
        <p className="max-w-3xl">{t("letterPage.intro")}</p>
      </div>
      <RequestLetter
        caseId={caseId}
        patientName={theCase.patientName}
        records={records.map(({ id, title, kind, source, status }) => ({ id, title, kind, source, status }))}
        canEdit={theCase.myRole !== "viewer"}
      />
    </div>
  );
}
