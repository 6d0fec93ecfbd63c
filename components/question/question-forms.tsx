"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { type TAnswerFields, type TQuestionFields, ZAnswerFields, ZQuestionFields } from "@/lib/question";
import type { QuestionRow } from "./types";

/** The question as someone else saved it, carried by a CONFLICT error's `data.current`. */
const ZSavedQuestion = z.object({ text: z.string(), answer: z.string().nullable(), version: z.number().int() });
type SavedQuestion = z.infer<typeof ZSavedQuestion>;

/** Both the text and the answer share the question's version, so a conflict shows both. */
function savedRows(theirs: SavedQuestion): [string, string][] {
  return [
    ["Question", theirs.text],
    ["Answer", theirs.answer ?? ""],
  ];
}

type FormProps = { caseId: string; question: QuestionRow; onDone: () => void };

/** Edit a question's wording. Versioned: a concurrent save is shown, never overwritten unseen. */
export function QuestionTextForm({ caseId, question, onDone }: FormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const fieldId = `question-${question.id}-text`;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<TQuestionFields, unknown, z.output<typeof ZQuestionFields>>({
    resolver: zodResolver(ZQuestionFields),
    defaultValues: { text: question.text },
    shouldFocusError: false,
  });
  const update = useMutation(trpc.question.update.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<SavedQuestion>({
    saved: question,
    initialVersion: question.version,
    isDirty,
    load: (row) => form.reset({ text: row.text }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await update.mutateAsync({ caseId, id: question.id, version: edit.baseVersion, text: values.text });
    } catch (error) {
      if (edit.refusedBy(conflictCurrent(error, ZSavedQuestion))) return;
      setFormMessage(applyServerErrors(error, form.setError, ["text"]));
      return;
    }
    edit.saved();
    router.refresh();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, formMessage)} />
      <VersionConflicts edit={edit} rows={savedRows} />
      <TextArea id={fieldId} label="The question" rows={3} error={errors.text?.message} {...form.register("text")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save the question"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Record, change or clear the answer. Versioned like the text. */
export function QuestionAnswerForm({ caseId, question, onDone }: FormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const fieldId = `question-${question.id}-answer`;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<TAnswerFields>({
    resolver: zodResolver(ZAnswerFields),
    defaultValues: { answer: question.answer ?? "" },
    shouldFocusError: false,
  });
  const answer = useMutation(trpc.question.answer.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<SavedQuestion>({
    saved: question,
    initialVersion: question.version,
    isDirty,
    load: (row) => form.reset({ answer: row.answer ?? "" }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await answer.mutateAsync({ caseId, id: question.id, version: edit.baseVersion, answer: values.answer });
    } catch (error) {
      if (edit.refusedBy(conflictCurrent(error, ZSavedQuestion))) return;
      setFormMessage(applyServerErrors(error, form.setError, ["answer"]));
      return;
    }
    edit.saved();
    router.refresh();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summaryErrors(errors, { answer: fieldId }, formMessage)} />
      <VersionConflicts edit={edit} rows={savedRows} />
      <TextArea
        id={fieldId}
        label="The answer"
        hint={
          question.answer
            ? "What was said, in your own words. To remove the answer, empty this box and save."
            : "What was said, in your own words. Your name and today's date are saved with it."
        }
        rows={4}
        error={errors.answer?.message}
        {...form.register("answer")}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save the answer"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
