"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import type { QuestionView, TAnswerFields, TQuestionFields, ZQuestionFields, ZQuestionView } from "@/lib/question";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

/** Both the text and the answer share the question's version, so a conflict shows both. */
function useSavedRows(): (theirs: QuestionView) => [string, string][] {
  const t = useTranslations("questions.forms");
  return (theirs) => [
    [t("question"), theirs.text],
    [t("answer"), theirs.answer ?? ""],
  ];
}

type FormProps = { caseId: string; question: QuestionView; onDone: () => void };

/** Edit a question's wording. Versioned: a concurrent save is shown, never overwritten unseen. */
export function QuestionTextForm({ caseId, question, onDone }: FormProps) {
  const t = useTranslations("questions.forms");
  const savedRows = useSavedRows();
  const client = useTRPCClient();
  const fieldId = `question-${question.id}-text`;
  const form = useForm<TQuestionFields, unknown, z.output<typeof ZQuestionFields>>({
    resolver: lazyZodResolver(() => import("@/lib/question").then((m) => m.ZQuestionFields)),
    defaultValues: { text: question.text },
    shouldFocusError: false,
  });
  const update = useCaseMutation(client.question.update.mutate);
  const draft = useDraft(form, { caseId, name: `question-edit-${question.id}`, fields: ["text"] });
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<QuestionView>({
    saved: question,
    initialVersion: question.version,
    isDirty,
    load: (row) => form.reset({ text: row.text }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run(
      { caseId, id: question.id, version: edit.baseVersion, text: values.text },
      { form: { setError: form.setError, fields: ["text"] }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZQuestionView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, update.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts edit={edit} rows={savedRows} />
      <TextArea id={fieldId} label={t("textLabel")} rows={3} error={errors.text?.message} {...form.register("text")} />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("saveQuestion")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={() => {
          draft.discard();
          onDone();
        }}
      />
    </form>
  );
}

/** Record, change or clear the answer. Versioned like the text. */
export function QuestionAnswerForm({ caseId, question, onDone }: FormProps) {
  const t = useTranslations("questions.forms");
  const savedRows = useSavedRows();
  const client = useTRPCClient();
  const fieldId = `question-${question.id}-answer`;
  const form = useForm<TAnswerFields>({
    resolver: lazyZodResolver(() => import("@/lib/question").then((m) => m.ZAnswerFields)),
    defaultValues: { answer: question.answer ?? "" },
    shouldFocusError: false,
  });
  const answer = useCaseMutation(client.question.answer.mutate);
  const draft = useDraft(form, { caseId, name: `question-answer-${question.id}`, fields: ["answer"] });
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<QuestionView>({
    saved: question,
    initialVersion: question.version,
    isDirty,
    load: (row) => form.reset({ answer: row.answer ?? "" }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await answer.run(
      { caseId, id: question.id, version: edit.baseVersion, answer: values.answer },
      { form: { setError: form.setError, fields: ["answer"] }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZQuestionView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summaryErrors(errors, { answer: fieldId }, answer.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts edit={edit} rows={savedRows} />
      <TextArea
        id={fieldId}
        label={t("answerLabel")}
        hint={
          question.answer ? t("answerHintEdit") : t("answerHintNew")
        }
        rows={4}
        error={errors.answer?.message}
        {...form.register("answer")}
      />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("saveAnswer")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={() => {
          draft.discard();
          onDone();
        }}
      />
    </form>
  );
}
