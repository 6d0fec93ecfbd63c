import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddQuestionFormOnFirstUse } from "@/components/question/add-question-form-on-first-use";
import { LivePrioritySummary, LiveQuestionList, LiveQuestions } from "@/components/question/live-questions";
import { SuggestedQuestions, SuggestionsFold } from "@/components/question/suggestions-fold";
import { ClientMessages } from "@/components/i18n/client-messages";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";
import { JumpTo } from "@/components/layout/jump-to";
import { groupsToSend, isLongList, opinionIdFor, suggestionsSent, visitFilterFrom } from "@/components/question/question-groups";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questions.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ open?: string | string[]; visit?: string | string[] }> };

export default async function QuestionsPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "questions");
  const [caller, t, search] = await Promise.all([api(), getTranslations("questions.page"), searchParams]);
  const visits = (await caller.opinion.list({ caseId })).map(({ id, label }) => ({ id, label }));
  const visit = visitFilterFrom(search.visit, visits);
  const opinionId = opinionIdFor(visit);
  // Only the groups shown open: a long list's folded groups come as counts (question-groups.ts).
  const summary = await caller.question.summary({ caseId, opinionId });
  const sent = groupsToSend(summary.total, search.open);
  const questions = await caller.question.list({ caseId, opinionId, groups: sent });
  const canEdit = theCase.myRole !== "viewer";
  // The suggestions bring their own words: a long list's page sends them only once they are opened.
  const suggestions = suggestionsSent(summary.total, search.open) && (
    <ClientMessages namespaces={["questions.suggested", "questions.bank", "questions.topics"]}>
      <SuggestedQuestions caseId={caseId} />
    </ClientMessages>
  );

  // The summary, the list and the suggestions share one live list: another's change is one small read.
  return (
    <LiveQuestions caseId={caseId} questions={questions} summary={summary} visit={visit}>
      <div className="flex flex-col gap-10">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
          {canEdit && <JumpTo href="#add-question-title">{t("jumpToAdd")}</JumpTo>}
        </div>

        <section aria-labelledby="priorities-title" className="flex flex-col gap-3">
          <h2 id="priorities-title" className="text-2xl font-semibold">
            {t("priorities")}
          </h2>
          <LivePrioritySummary canEdit={canEdit} />
        </section>

        <section aria-labelledby="questions-title" className="flex flex-col gap-4">
          <h2 id="questions-title" tabIndex={-1} className="text-2xl font-semibold">
            {t("yourQuestions")}
          </h2>
          <LiveQuestionList caseId={caseId} canEdit={canEdit} headingId="questions-title" visits={visits} sent={sent} />
        </section>

        {canEdit && (
          <section aria-labelledby="add-question-title" className="flex flex-col gap-4">
            <h2 id="add-question-title" className="text-2xl font-semibold">
              {t("addOwn")}
            </h2>
            <div className="rounded-xl border border-slate-200 bg-white p-5">
              <AddQuestionFormOnFirstUse caseId={caseId} visits={visits} />
            </div>
          </section>
        )}

        {canEdit && (
          <section aria-labelledby="suggested-title" className="flex flex-col gap-4">
            <div>
              <h2 id="suggested-title" className="text-2xl font-semibold">
                {t("suggested")}
              </h2>
              <p className="mt-2 max-w-3xl text-muted">{t("suggestedIntro")}</p>
            </div>
            {isLongList(summary.total) ? (
              <SuggestionsFold caseId={caseId} sent={Boolean(suggestions)}>
                {suggestions}
              </SuggestionsFold>
            ) : (
              suggestions
            )}
          </section>
        )}
      </div>
    </LiveQuestions>
  );
}
