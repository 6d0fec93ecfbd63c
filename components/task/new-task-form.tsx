"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { EMPTY_TASK, TASK_FIELDS, TaskFields, taskFieldIds, taskInput, type TaskChoices, type TaskFormValues } from "./task-fields";

const ID_PREFIX = "new-task";

/** Add a task; the server checks it and answers per field, so nothing typed is lost on a refusal. */
export function NewTaskForm({ caseId, choices }: { caseId: string; choices: TaskChoices }) {
  const t = useTranslations("tasks.forms");
  const client = useTRPCClient();
  const [saved, setSaved] = useState("");
  const form = useForm<TaskFormValues>({ defaultValues: EMPTY_TASK, shouldFocusError: false });
  const create = useCaseMutation(client.task.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: "task-new", fields: ["title", "note"] });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved("");
    const created = await create.run({ caseId, ...taskInput(values) }, { form: { setError: form.setError, fields: TASK_FIELDS } });
    if (!created.ok) return;
    form.reset(EMPTY_TASK);
    draft.saved();
    setSaved(t("saved"));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" onChange={() => setSaved("")}>
      <ErrorSummary errors={summaryErrors(errors, taskFieldIds(ID_PREFIX), create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <TaskFields idPrefix={ID_PREFIX} register={form.register} errors={errors} choices={choices} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {saved}
      </p>
    </form>
  );
}
