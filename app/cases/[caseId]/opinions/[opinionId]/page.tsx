import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { renderNoteBodies } from "@/components/ui/markdown-text";
import { CallLog } from "@/components/opinion/call-log";
import { DeleteOpinionOnFirstUse } from "@/components/opinion/delete-opinion-on-first-use";
import { OpinionDetails } from "@/components/opinion/opinion-details";
import { EditOpinion } from "@/components/opinion/opinion-editors";
import { VisitNotes } from "@/components/opinion/visit-notes";
import { VisitQuestions } from "@/components/opinion/visit-questions";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { loadCase } from "../../load-case";
import { visitSection } from "../../visit-section";

type Props = { params: Promise<{ caseId: string; opinionId: string }> };

/** This case's opinion with that id, or the not-found page (an id from elsewhere looks like no id at all). */
const loadOpinion = cache(async (caseId: string, opinionId: string) => {
  await loadCase(caseId);
  const opinions = await (await api()).opinion.list({ caseId });
  const opinion = opinions.find((o) => o.id === opinionId);
  if (!opinion) notFound();
  return opinion;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId, opinionId } = await params;
  return { title: (await loadOpinion(caseId, opinionId)).label };
}

export default async function OpinionPage({ params }: Props) {
  const { caseId, opinionId } = await params;
  const theCase = await visitSection(caseId, "opinions");
  const opinion = await loadOpinion(caseId, opinionId);
  const caller = await api();
  const [calls, questions, notes] = await Promise.all([
    caller.opinion.listCalls({ caseId, opinionId }),
    caller.question.list({ caseId, opinionId }),
    caller.note.list({ caseId, opinionId }),
  ]);
  const t = await getTranslations("opinions");
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  const isOwner = theCase.myRole === "owner";
  const companions = theCase.members.map(({ userId, name }) => ({ userId, name }));

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-2">
        <p>
          <Link href={`/cases/${caseId}/opinions`}>{t("page.allOpinions")}</Link>
        </p>
        <h1 className="break-words text-3xl font-bold">{opinion.label}</h1>
        <p>
          {t.rich("page.preparePacket", {
            link: (chunks) => (
              <Link href={`/cases/${caseId}/opinions/${opinionId}/packet`} className="font-semibold">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>

      <section aria-labelledby="opinion-details-title" className="flex flex-col gap-4">
        <h2 id="opinion-details-title" className="text-2xl font-semibold">
          {t("page.details")}
        </h2>
        <OpinionDetails opinion={opinion} companions={companions} />
        {opinion.visitAt && (
          <p>
            <a href={`/api/cases/${caseId}/opinions/${opinionId}/calendar`} download className="font-semibold">
              {t("details.addToCalendar")}
            </a>
          </p>
        )}
        <p className="text-sm text-muted">{t.rich("details.calendarHint", { link: (chunks) => <Link href="/account#calendar-title">{chunks}</Link> })}</p>
        {canEdit && <EditOpinion caseId={caseId} opinion={opinion} companions={companions} />}
      </section>

      <section aria-labelledby="calls-title" className="flex flex-col gap-4">
        <div>
          <h2 id="calls-title" className="text-2xl font-semibold">
            {t("page.callsTitle")}
          </h2>
          <p className="mt-1 max-w-3xl text-muted">{t("page.callsIntro")}</p>
        </div>
        <CallLog caseId={caseId} opinionId={opinionId} calls={calls} canEdit={canEdit} />
      </section>

      <section aria-labelledby="visit-questions-title" className="flex flex-col gap-4">
        <h2 id="visit-questions-title" className="text-2xl font-semibold">
          {t("page.questionsTitle")}
        </h2>
        <VisitQuestions caseId={caseId} opinionId={opinionId} opinionLabel={opinion.label} questions={questions} canEdit={canEdit} />
      </section>

      <section aria-labelledby="visit-notes-title" className="flex flex-col gap-4">
        <h2 id="visit-notes-title" className="text-2xl font-semibold">
          {t("page.notesTitle")}
        </h2>
        <VisitNotes caseId={caseId} opinionId={opinionId} opinionLabel={opinion.label} notes={notes} bodies={renderNoteBodies(notes)} canEdit={canEdit} />
      </section>

      {isOwner && (
        <section aria-labelledby="delete-opinion-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="delete-opinion-title" className="text-xl font-semibold">
            {t("page.deleteTitle")}
          </h2>
          <p>{t("page.deleteIntro")}</p>
          <DeleteOpinionOnFirstUse caseId={caseId} opinionId={opinionId} version={opinion.version} label={opinion.label} />
        </section>
      )}
    </div>
  );
}
