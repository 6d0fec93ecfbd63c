"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { conflictCurrent } from "@/components/forms/conflict";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TaskView, ZTaskView } from "@/lib/task";
import { TASK_FIELDS, TaskFields, taskFieldIds, taskFormValues, taskInput, type TaskChoices, type TaskFormValues } from "./task-fields";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

/** Edit a task. Versioned: if someone saved it meanwhile, both versions are shown to choose from. */
export function TaskEditForm({ caseId, task, choices, onDone }: { caseId: string; task: TaskView; choices: TaskChoices; onDone: () => void }) {
  const t = useTranslations("tasks.forms");
  const client = useTRPCClient();
  const idPrefix = `task-${task.id}`;
  const form = useForm<TaskFormValues>({ defaultValues: taskFormValues(task), shouldFocusError: false });
  const update = useCaseMutation(client.task.update.mutate);
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<TaskView>({ saved: task, initialVersion: task.version, isDirty, load: (row) => form.reset(taskFormValues(row)) });
  const nameOf = (id: string | null) => choices.editors.find((m) => m.userId === id)?.name ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run(
      { caseId, id: task.id, version: edit.baseVersion, ...taskInput(values) },
      { form: { setError: form.setError, fields: TASK_FIELDS }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZTaskView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, taskFieldIds(idPrefix), update.message)} />
      <VersionConflicts
        edit={edit}
        rows={(row) => [
          [t("title"), row.title],
          [t("assignee"), row.assigneeId ? nameOf(row.assigneeId) : "—"],
          [t("dueOn"), row.dueOn ?? t("noDate")],
          [t("note"), row.note],
        ]}
      />
      <TaskFields idPrefix={idPrefix} register={form.register} errors={errors} choices={choices} />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("saveChanges")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={onDone}
      />
    </form>
  );
}
