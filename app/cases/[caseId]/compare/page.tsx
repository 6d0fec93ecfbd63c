import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ComparisonGrid } from "@/components/comparison/comparison-grid";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { visitSection } from "../visit-section";
import { JumpTo } from "@/components/layout/jump-to";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("comparison");
  return { title: t("page.title") };
}

type Props = { params: Promise<{ caseId: string }> };

export default async function ComparePage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "compare");
  const grid = await (await api()).comparison.grid({ caseId });
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  const t = await getTranslations("comparison");

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">{t("page.heading")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("page.intro")}</p>
        {grid.opinions.length >= 2 && <JumpTo href="#grid-title">{t("page.jump")}</JumpTo>}
      </div>

      {grid.opinions.length < 2 ? (
        <section aria-labelledby="need-two-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="need-two-title" className="text-2xl font-semibold">
            {t("page.needTwo")}
          </h2>
          <p>
            {grid.opinions.length === 0 ? t("page.noneYet") : t("page.oneSoFar", { label: grid.opinions[0]?.label ?? "" })}{" "}
            {t("page.onceSecond")}
          </p>
          <p>
            <Link href={`/cases/${caseId}/opinions`}>{canEdit ? t("page.addOnOpinions") : t("page.goToOpinions")}</Link>
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="summary-title" className="flex flex-col gap-3 rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
            <h2 id="summary-title" className="text-xl font-semibold">
              {t("page.standTitle")}
            </h2>
            <p aria-live="polite" className="text-lg font-semibold">
              {t("page.summary", grid.summary)}
            </p>
            <p>{t("page.difference")}</p>
          </section>

          <section aria-labelledby="grid-title" className="flex flex-col gap-4">
            <div>
              <h2 id="grid-title" className="text-2xl font-semibold">
                {t("page.gridTitle")}
              </h2>
              <p className="mt-1 text-muted">{canEdit ? t("page.gridEditors") : t("page.gridViewer")}</p>
            </div>
            <ComparisonGrid caseId={caseId} grid={grid} canEdit={canEdit} />
          </section>
        </>
      )}
    </div>
  );
}
