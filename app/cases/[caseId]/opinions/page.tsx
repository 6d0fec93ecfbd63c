import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { VisitTime } from "@/components/opinion/visit-time";
import { AddOpinion } from "@/components/opinion/opinion-editors";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { visitSection } from "../visit-section";
import { JumpTo } from "@/components/layout/jump-to";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("opinions");
  return { title: t("list.title") };
}

type Props = { params: Promise<{ caseId: string }> };

export default async function OpinionsPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "opinions");
  const caller = await api();
  const t = await getTranslations("opinions");
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  const [opinions, suggested] = await Promise.all([
    caller.opinion.list({ caseId }),
    canEdit ? caller.opinion.suggestedLabel({ caseId }) : Promise.resolve({ label: "" }),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">{t("list.title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">
          {t.rich("list.intro", { link: (chunks) => <Link href={`/cases/${caseId}/compare`}>{chunks}</Link> })}
        </p>
        {canEdit && opinions.length > 0 && <JumpTo href="#add-opinion-title">{t("list.jumpToAdd")}</JumpTo>}
      </div>

      <section aria-labelledby="opinion-list-title" className="flex flex-col gap-4">
        <h2 id="opinion-list-title" className="text-2xl font-semibold">
          {opinions.length === 0 ? t("list.none") : t("list.count", { count: opinions.length })}
        </h2>
        {opinions.length === 0 ? (
          <p className="text-muted">
            {canEdit ? t("list.startHint") : t("list.noneViewer")}
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {opinions.map((opinion) => {
              const who = [opinion.clinician, opinion.specialty, opinion.institution].filter(Boolean).join(" · ");
              return (
                <li key={opinion.id} className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4">
                  <h3 className="text-xl font-semibold">
                    <Link href={`/cases/${caseId}/opinions/${opinion.id}`} className="break-words">
                      {opinion.label}
                    </Link>
                  </h3>
                  {who && <p className="break-words">{who}</p>}
                  <p className="text-muted">{t(`kind.${opinion.kind}.name`)}</p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="rounded-full bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-800">
                      {t(`status.${opinion.status}`)}
                    </span>
                    <span>
                      {opinion.visitAt ? (
                        t.rich("list.visit", { date: () => <VisitTime date={opinion.visitAt!} zone={opinion.visitTimeZone} /> })
                      ) : (
                        <span className="text-muted">{t("list.noVisit")}</span>
                      )}
                    </span>
                  </p>
                  <p>
                    <Link href={`/cases/${caseId}/opinions/${opinion.id}/packet`} aria-label={t("list.packetFor", { label: opinion.label })}>
                      {t("list.packet")}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {canEdit && (
        <section aria-labelledby="add-opinion-title" className="flex flex-col gap-4">
          <h2 id="add-opinion-title" className="text-2xl font-semibold">
            {t("list.addTitle")}
          </h2>
          <AddOpinion
            caseId={caseId}
            suggestedLabel={suggested.label}
            startOpen={opinions.length === 0}
            companions={theCase.members.map(({ userId, name }) => ({ userId, name }))}
          />
        </section>
      )}
    </div>
  );
}
