import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ChecklistView } from "@/components/checklist/checklist-view";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checklist");
  return { title: t("title") };
}

type Props = { params: Promise<{ caseId: string }> };

export default async function ChecklistPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "checklist");
  const [checklist, t] = await Promise.all([(await api()).checklist.get({ caseId }), getTranslations("checklist")]);
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro", { done: checklist.done, total: checklist.total, whoTicks: canEdit ? "you" : "others" })}</p>
        <p className="text-sm text-muted">{t("privacyNote")}</p>
        <p>{t.rich("selfCheckPrompt", { link: (chunks) => <Link href={`/cases/${caseId}/self-check`}>{chunks}</Link> })}</p>
      </div>
      <ChecklistView caseId={caseId} checklist={checklist} canEdit={canEdit} />
    </div>
  );
}
