import type { Metadata } from "next";
import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import { AddOpinion } from "@/components/opinion/opinion-editors";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { OPINION_KIND_LABELS, OPINION_STATUS_LABELS } from "@/lib/opinion";
import { visitSection } from "../visit-section";
import { JumpTo } from "@/components/layout/jump-to";

export const metadata: Metadata = { title: "Opinions" };

type Props = { params: Promise<{ caseId: string }> };

export default async function OpinionsPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "opinions");
  const caller = await api();
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  const [opinions, suggested] = await Promise.all([
    caller.opinion.list({ caseId }),
    canEdit ? caller.opinion.suggestedLabel({ caseId }) : Promise.resolve({ label: "" }),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Opinions</h1>
        <p className="mt-2 max-w-3xl text-muted">
          The first opinion, the second, and any further one: who gives it, when the visit is, and the practical
          details such as insurance and costs. Once there are two, you can set them side by side under{" "}
          <Link href={`/cases/${caseId}/compare`}>Compare</Link>.
        </p>
        {canEdit && opinions.length > 0 && <JumpTo href="#add-opinion-title">Add an opinion</JumpTo>}
      </div>

      <section aria-labelledby="opinion-list-title" className="flex flex-col gap-4">
        <h2 id="opinion-list-title" className="text-2xl font-semibold">
          {opinions.length === 0 ? "No opinions yet" : `${opinions.length} ${opinions.length === 1 ? "opinion" : "opinions"}`}
        </h2>
        {opinions.length === 0 ? (
          <p className="text-muted">
            {canEdit
              ? "Start with the opinion you already have, usually from the clinician who made the diagnosis."
              : "Nobody has added an opinion yet."}
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
                  <p className="text-muted">{OPINION_KIND_LABELS[opinion.kind].name}</p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="rounded-full bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-800">
                      {OPINION_STATUS_LABELS[opinion.status]}
                    </span>
                    <span>
                      {opinion.visitAt ? (
                        <>
                          Visit: <LocalDate date={opinion.visitAt} withTime />
                        </>
                      ) : (
                        <span className="text-muted">No visit booked yet</span>
                      )}
                    </span>
                  </p>
                  <p>
                    <Link href={`/cases/${caseId}/opinions/${opinion.id}/packet`} aria-label={`Visit packet for ${opinion.label}`}>
                      Visit packet
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
            Add an opinion
          </h2>
          <AddOpinion caseId={caseId} suggestedLabel={suggested.label} startOpen={opinions.length === 0} />
        </section>
      )}
    </div>
  );
}
