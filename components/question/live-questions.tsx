"use client";
/**
 * The questions page's list, kept up to date live (components/live/use-live-items.ts) and shared by
 * everything on the page drawn from it: the priority summary, the list and the suggested questions.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { type LiveItems, useLiveItems } from "@/components/live/use-live-items";
import type { QuestionView } from "@/lib/question";
import { PrioritySummary } from "./priority-summary";
import { QuestionList } from "./question-list";
import { SuggestedQuestions } from "./suggested-questions";

const QUESTION_ENTITIES = ["question"] as const;

/** The server's order (question.list): by position, then the older first. */
const byPosition = (a: QuestionView, b: QuestionView) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();

const LiveQuestionsContext = createContext<LiveItems<QuestionView> | null>(null);

function useQuestions(): LiveItems<QuestionView> {
  const live = useContext(LiveQuestionsContext);
  if (!live) throw new Error("useQuestions needs <LiveQuestions> above it.");
  return live;
}

export function LiveQuestions({ caseId, questions, children }: { caseId: string; questions: QuestionView[]; children: ReactNode }) {
  const client = useTRPCClient();
  const live = useLiveItems({
    items: questions,
    entityTypes: QUESTION_ENTITIES,
    read: (id) => client.question.get.query({ caseId, id }),
    compare: byPosition,
  });
  return <LiveQuestionsContext value={live}>{children}</LiveQuestionsContext>;
}

export function LivePrioritySummary({ canEdit }: { canEdit: boolean }) {
  const { items } = useQuestions();
  return <PrioritySummary pinned={items.filter((q) => q.pinned).length} total={items.length} canEdit={canEdit} />;
}

export function LiveQuestionList(props: Omit<Parameters<typeof QuestionList>[0], "questions" | "basis">) {
  const { items, basis } = useQuestions();
  return <QuestionList {...props} questions={items} basis={basis} />;
}

export function LiveSuggestedQuestions({ caseId }: { caseId: string }) {
  const { items } = useQuestions();
  return <SuggestedQuestions caseId={caseId} addedKeys={items.flatMap((q) => (q.bankKey ? [q.bankKey] : []))} />;
}
