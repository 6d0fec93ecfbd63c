"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { LocalDate } from "@/components/ui/local-date";
import type { RouterOutputs } from "@/components/trpc/router-outputs";
import { onFirstUse } from "@/components/ui/on-first-use";

const VisitQuestionForm = onFirstUse(() => import("./visit-question-form").then((m) => m.VisitQuestionForm));

type VisitQuestion = RouterOutputs["question"]["list"][number];

function QuestionState({ question }: { question: VisitQuestion }) {
  const t = useTranslations("opinions.questions");
  if (question.answer !== null) {
    return <span className="rounded-full bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-800">{t("answered")}</span>;
  }
  if (question.askedAt !== null) {
    return <span className="rounded-full bg-slate-200 px-2 py-0.5 text-sm font-semibold">{t("askedNoAnswer")}</span>;
  }
  return <span className="rounded-full bg-caution-bg px-2 py-0.5 text-sm font-semibold text-caution">{t("notAsked")}</span>;
}

/** Who recorded an answer, and when if known. */
function recordedBy(question: VisitQuestion, t: ReturnType<typeof useTranslations<"opinions.questions">>) {
  const name = question.answeredByName;
  const at = question.answeredAt;
  if (!at) return name ? t("recordedBy", { name }) : t("recordedByFormer");
  const date = () => <LocalDate date={at} />;
  return name ? t.rich("recordedByOn", { name, date }) : t.rich("recordedByFormerOn", { date });
}

/** The questions tied to one opinion/visit: whether each was asked, its answer; and a small form to add one. */
export function VisitQuestions({
  caseId,
  opinionId,
  opinionLabel,
  questions,
  canEdit,
}: {
  caseId: string;
  opinionId: string;
  opinionLabel: string;
  questions: VisitQuestion[];
  canEdit: boolean;
}) {
  const t = useTranslations("opinions.questions");
  return (
    <div className="flex flex-col gap-4">
      {questions.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul aria-label={t("listLabel", { label: opinionLabel })} className="flex flex-col gap-3">
          {questions.map((question) => (
            <li key={question.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
              <p className="break-words font-semibold">{question.text}</p>
              <p>
                <QuestionState question={question} />
              </p>
              {question.answer !== null && (
                <div>
                  <p className="text-sm font-semibold">{t("answer")}</p>
                  <p className="whitespace-pre-wrap break-words">{question.answer}</p>
                  <p className="text-sm text-muted">
                    {recordedBy(question, t)}
                  </p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-muted">
        {t.rich("manage", { link: (chunks) => <Link href={`/cases/${caseId}/questions`}>{chunks}</Link> })}
      </p>
      {canEdit && <VisitQuestionForm caseId={caseId} opinionId={opinionId} />}
    </div>
  );
}
