"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import type { ZQuestionFields } from "@/lib/question";
import type { RouterOutputs } from "@/components/trpc/router-outputs";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

type VisitQuestion = RouterOutputs["question"]["list"][number];

type TVisitQuestionForm = z.input<ReturnType<typeof ZQuestionFields.pick<{ text: true }>>>;

function QuestionState({ question }: { question: VisitQuestion }) {
  const t = useTranslations("opinions");
  if (question.answer !== null) {
    return <span className="rounded-full bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-800">{t("questions.answered")}</span>;
  }
  if (question.askedAt !== null) {
    return <span className="rounded-full bg-slate-200 px-2 py-0.5 text-sm font-semibold">{t("questions.askedNoAnswer")}</span>;
  }
  return <span className="rounded-full bg-caution-bg px-2 py-0.5 text-sm font-semibold text-caution">{t("questions.notAsked")}</span>;
}

/** Who recorded an answer, and when if known. */
function recordedBy(question: VisitQuestion, t: ReturnType<typeof useTranslations<"opinions">>) {
  const name = question.answeredByName;
  const at = question.answeredAt;
  if (!at) return name ? t("questions.recordedBy", { name }) : t("questions.recordedByFormer");
  const date = () => <LocalDate date={at} />;
  return name ? t.rich("questions.recordedByOn", { name, date }) : t.rich("questions.recordedByFormerOn", { date });
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
  const t = useTranslations("opinions");
  return (
    <div className="flex flex-col gap-4">
      {questions.length === 0 ? (
        <p className="text-muted">{t("questions.none")}</p>
      ) : (
        <ul aria-label={t("questions.listLabel", { label: opinionLabel })} className="flex flex-col gap-3">
          {questions.map((question) => (
            <li key={question.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
              <p className="break-words font-semibold">{question.text}</p>
              <p>
                <QuestionState question={question} />
              </p>
              {question.answer !== null && (
                <div>
                  <p className="text-sm font-semibold">{t("questions.answer")}</p>
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
        {t.rich("questions.manage", { link: (chunks) => <Link href={`/cases/${caseId}/questions`}>{chunks}</Link> })}
      </p>
      {canEdit && <VisitQuestionForm caseId={caseId} opinionId={opinionId} />}
    </div>
  );
}

function VisitQuestionForm({ caseId, opinionId }: { caseId: string; opinionId: string }) {
  const t = useTranslations("opinions");
  const client = useTRPCClient();
  const [added, setAdded] = useState(false);
  const form = useForm<TVisitQuestionForm>({
    resolver: lazyZodResolver(() => import("@/lib/question").then((m) => m.ZQuestionFields.pick({ text: true }))),
    defaultValues: { text: "" },
    shouldFocusError: false,
  });
  const create = useCaseMutation(client.question.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: `visit-question-${opinionId}`, fields: ["text"] });
  const { errors, isSubmitting } = form.formState;
  const fieldId = `visit-question-${opinionId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(false);
    const created = await create.run({ caseId, text: values.text, opinionId }, { form: { setError: form.setError, fields: ["text"] } });
    if (!created.ok) return;
    form.reset();
    draft.saved();
    setAdded(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${fieldId}-title`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={`${fieldId}-title`} className="text-lg font-semibold">
        {t("questions.formTitle")}
      </h3>
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <TextArea
        id={fieldId}
        label={t("questions.yourQuestion")}
        rows={2}
        error={errors.text?.message}
        {...form.register("text", { onChange: () => setAdded(false) })}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("questions.adding") : t("questions.add")}
        </Button>
      </div>
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {added ? t("questions.added") : ""}
      </p>
    </form>
  );
}
