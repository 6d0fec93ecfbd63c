import type { Metadata } from "next";
import { SelfCheckForm } from "@/components/self-check/self-check-form";
import { SelfCheckSummary } from "@/components/self-check/self-check-summary";
import { LocalDate } from "@/components/ui/local-date";
import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { SELF_CHECK_SITUATION_LABELS, TIMING_CAUTION_LABELS, needsSafetyMessage } from "@/lib/self-check";
import { visitSection } from "../visit-section";

export const metadata: Metadata = { title: "Self-check" };

type Props = { params: Promise<{ caseId: string }> };

/** "Is a second opinion worth exploring?" Every member reads the answers; the owner and supporters edit them. */
export default async function SelfCheckPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "self-check");
  const saved = await (await api()).selfCheck.get({ caseId });
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  // An editor's form shows the safety message from the answers; the page shows it for anything else urgent.
  const formShowsSafety = canEdit && needsSafetyMessage(saved?.cautions ?? []);

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Is a second opinion worth exploring?</h1>
        <p className="text-muted">
          A short self-check. It reflects back what you tick, in plain words. It is not a verdict and not medical
          advice: the choice is yours, made with your care team.
        </p>
        {saved && (
          <p className="text-sm text-muted">
            Last saved by {saved.updatedByName ?? "a former member"} on <LocalDate date={saved.updatedAt} />.
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
              <dt className="font-semibold">Timing</dt>
              <dd>
                {saved.cautions.length ? saved.cautions.map((c) => TIMING_CAUTION_LABELS[c].label).join("; ") : "Nothing ticked."}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">Situations</dt>
              <dd>
                {saved.situations.length ? (
                  <ul className="list-disc pl-5">
                    {saved.situations.map((s) => (
                      <li key={s}>{SELF_CHECK_SITUATION_LABELS[s].label}</li>
                    ))}
                  </ul>
                ) : (
                  "Nothing ticked."
                )}
              </dd>
            </div>
          </dl>
          <SelfCheckSummary situations={saved.situations} cautions={saved.cautions} />
        </>
      ) : (
        <p>Nobody has filled in the self-check for this case yet. The owner and supporters can.</p>
      )}
    </div>
  );
}
