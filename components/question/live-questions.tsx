"use client";
/**
 * The questions page's list, kept up to date live (components/live/use-live-items.ts) and shared by
 * everything on the page drawn from it: the priority summary, the list and the suggested questions
 * (suggested-questions.tsx).
 * Beside the questions the page sent, it keeps the list's summary (question.summary: the folded groups'
 * counts, the priorities, the suggestions added), read again with each change: the two reads go as one
 * request.
 */
import { createContext, useContext, useEffect, useEffectEvent, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { listenForChanges } from "@/components/live/change-listeners";
import { type LiveItems, useLiveItems } from "@/components/live/use-live-items";
import type { QuestionSummary, QuestionView } from "@/lib/question";
import { PrioritySummary } from "./priority-summary";
import { QuestionList } from "./question-list";
import { opinionIdFor } from "./question-groups";
import type { VisitFilter } from "./types";

const QUESTION_ENTITIES = ["question"] as const;

/** The server's order (question.list): by position, then the older first. */
const byPosition = (a: QuestionView, b: QuestionView) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();

type LiveQuestionsValue = LiveItems<QuestionView> & { summary: QuestionSummary; visit: VisitFilter };

const LiveQuestionsContext = createContext<LiveQuestionsValue | null>(null);

export function useQuestions(): LiveQuestionsValue {
  const live = useContext(LiveQuestionsContext);
  if (!live) throw new Error("useQuestions needs <LiveQuestions> above it.");
  return live;
}

export function LiveQuestions({
  caseId,
  questions,
  summary,
  visit,
  children,
}: {
  caseId: string;
  questions: QuestionView[];
  summary: QuestionSummary;
  /** The visit filter the page was rendered with. */
  visit: VisitFilter;
  children: ReactNode;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const live = useLiveItems({
    items: questions,
    entityTypes: QUESTION_ENTITIES,
    read: (id) => client.question.get.query({ caseId, id }),
    compare: byPosition,
  });

  // The summary as rendered, or as last read since (the latest read wins).
  const [read, setRead] = useState({ basis: summary, summary });
  const reads = useRef(0);
  let current = read.summary;
  if (read.basis !== summary) {
    current = summary;
    setRead({ basis: summary, summary });
  }
  const readSummary = useEffectEvent(() => {
    const mine = ++reads.current;
    // An answer that arrives after a newer render of the page is older than it: dropped.
    const rendered = summary;
    client.question.summary.query({ caseId, opinionId: opinionIdFor(visit) }).then(
      (next) => {
        if (reads.current === mine) setRead((was) => (was.basis === rendered ? { ...was, summary: next } : was));
      },
      () => router.refresh(),
    );
  });
  useEffect(
    () =>
      listenForChanges(QUESTION_ENTITIES, (change) => {
        if (!change.entityId) return false;
        readSummary();
        return true;
      }),
    [],
  );

  return <LiveQuestionsContext value={{ ...live, summary: current, visit }}>{children}</LiveQuestionsContext>;
}

export function LivePrioritySummary({ canEdit }: { canEdit: boolean }) {
  const { summary } = useQuestions();
  return <PrioritySummary pinned={summary.pinned} total={summary.total} canEdit={canEdit} />;
}

export function LiveQuestionList(props: Omit<Parameters<typeof QuestionList>[0], "questions" | "basis" | "summary" | "visit">) {
  const { items, basis, summary, visit } = useQuestions();
  return <QuestionList {...props} questions={items} basis={basis} summary={summary} visit={visit} />;
}
