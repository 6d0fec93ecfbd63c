import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SelfCheckForm } from "@/components/self-check/self-check-form";
import { SelfCheckSummary } from "@/components/self-check/self-check-summary";
import { LocalDate } from "@/components/ui/local-date";
import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { needsSafetyMessage } from "@/lib/self-check";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("selfCheck.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ caseId: string }> };

/** "Is a second opinion worth exploring?" Every member reads the answers; the owner and supporters edit them. */
export default async function SelfCheckPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "self-check");
  const [saved, t] = await Promise.all([(await api()).selfCheck.get({ caseId }), getTranslations("selfCheck")]);
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  // An editor's form shows the safety message from the answers; the page shows it for anything else urgent.
  const formShowsSafety = canEdit && needsSafetyMessage(saved?.cautions ?? []);

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("page.heading")}</h1>
        <p className="text-muted">{t("page.intro")}</p>
        {saved && (
          <p className="text-sm text-muted">
            {t.rich("page.lastSaved", {
              name: saved.updatedByName ?? t("page.formerMember"),
              date: () => <LocalDate date={saved.updatedAt} />,
            })}
          </p>
        )}
      </div>
      {theCase.urgent && !formShowsSafety && <UrgentCareNotice />}

      {canEdit ? (
        <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
          <SelfCheckForm caseId={caseId} saved={saved} />
        </div>
      ) : saved ? (
        <>
          <dl className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
            <div>
              <dt className="font-semibold">{t("answers.timing")}</dt>
              <dd>
                {saved.cautions.length ? saved.cautions.map((c) => t(`cautions.${c}.label`)).join("; ") : t("answers.nothingTicked")}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t("answers.situations")}</dt>
              <dd>
                {saved.situations.length ? (
                  <ul className="list-disc pl-5">
                    {saved.situations.map((s) => (
                      <li key={s}>{t(`situations.${s}.label`)}</li>
                    ))}
                  </ul>
                ) : (
                  t("answers.nothingTicked")
                )}
              </dd>
            </div>
          </dl>
          <SelfCheckSummary situations={saved.situations} cautions={saved.cautions} />
        </>
      ) : (
        <p>{t("page.notFilled")}</p>
      )}
    </div>
  );
}
