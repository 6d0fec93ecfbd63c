import type { Metadata } from "next";
import { AddQuestionForm } from "@/components/question/add-question-form";
import { PrioritySummary } from "@/components/question/priority-summary";
import { QuestionList } from "@/components/question/question-list";
import { SuggestedQuestions } from "@/components/question/suggested-questions";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";
import { JumpTo } from "@/components/layout/jump-to";

export const metadata: Metadata = { title: "Questions to ask" };

type Props = { params: Promise<{ caseId: string }> };

export default async function QuestionsPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "questions");
  // The whole list: filtering happens in the browser, and a new order is always saved for all of it.
  const caller = await api();
  const questions = await caller.question.list({ caseId, status: "all" });
  const visits = (await caller.opinion.list({ caseId })).map(({ id, label }) => ({ id, label }));
  const canEdit = theCase.myRole !== "viewer";
  const pinned = questions.filter((q) => q.pinned).length;
  const addedKeys = questions.flatMap((q) => (q.bankKey ? [q.bankKey] : []));

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">Questions to ask</h1>
        <p className="mt-2 max-w-3xl text-muted">
          Appointments go quickly. Writing your questions down beforehand means nothing important is forgotten, and
          recording the answers means you both have them afterwards. The suggestions below are a starting point, not
          medical advice.
        </p>
        {canEdit && <JumpTo href="#add-question-title">Add a question</JumpTo>}
      </div>

      <section aria-labelledby="priorities-title" className="flex flex-col gap-3">
        <h2 id="priorities-title" className="text-2xl font-semibold">
          Priorities
        </h2>
        <PrioritySummary pinned={pinned} total={questions.length} canEdit={canEdit} />
      </section>

      <section aria-labelledby="questions-title" className="flex flex-col gap-4">
        <h2 id="questions-title" tabIndex={-1} className="text-2xl font-semibold">
          Your questions
        </h2>
        <QuestionList caseId={caseId} questions={questions} canEdit={canEdit} headingId="questions-title" visits={visits} />
      </section>

      {canEdit && (
        <section aria-labelledby="add-question-title" className="flex flex-col gap-4">
          <h2 id="add-question-title" className="text-2xl font-semibold">
            Add your own question
          </h2>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <AddQuestionForm caseId={caseId} visits={visits} />
          </div>
        </section>
      )}

      {canEdit && (
        <section aria-labelledby="suggested-title" className="flex flex-col gap-4">
          <div>
            <h2 id="suggested-title" className="text-2xl font-semibold">
              Suggested questions
            </h2>
            <p className="mt-2 max-w-3xl text-muted">
              Questions many people find useful when getting a second opinion. Add the ones that fit; you can change
              the wording afterwards.
            </p>
          </div>
          <SuggestedQuestions caseId={caseId} addedKeys={addedKeys} />
        </section>
      )}
    </div>
  );
}
