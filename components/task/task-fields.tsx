"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { TTaskFields, TTaskLink, TaskView } from "@/lib/task";
import { TASK_LINK_KINDS, type TaskLinkKind } from "@/lib/vocabulary/task";

/** What a task form can offer: the members who can edit, and the items a task can be about. */
export type TaskChoices = {
  me: string;
  editors: { userId: string; name: string }[];
  items: Record<TaskLinkKind, { id: string; label: string }[]>;
};

/** The form's values as the inputs hold them: empty text for "anyone", "no date" and "nothing". */
export type TaskFormValues = { title: string; note: string; assigneeId: string; dueOn: string; link: string };

export const TASK_FIELDS = ["title", "note", "assigneeId", "dueOn", "link"] as const;

export const taskFieldIds = (prefix: string): Record<(typeof TASK_FIELDS)[number], string> =>
  Object.fromEntries(TASK_FIELDS.map((field) => [field, `${prefix}-${field}`])) as Record<(typeof TASK_FIELDS)[number], string>;

const linkValue = (link: { kind: TaskLinkKind; id: string } | null) => (link ? `${link.kind}:${link.id}` : "");

function parseLink(value: string): TTaskLink {
  const [kind, id] = value.split(":");
  return kind && id && (TASK_LINK_KINDS as readonly string[]).includes(kind) ? { kind: kind as TaskLinkKind, id } : null;
}

export const EMPTY_TASK: TaskFormValues = { title: "", note: "", assigneeId: "", dueOn: "", link: "" };

export const taskFormValues = (task: TaskView): TaskFormValues => ({
  title: task.title,
  note: task.note,
  assigneeId: task.assigneeId ?? "",
  dueOn: task.dueOn ?? "",
  link: linkValue(task.link),
});

/** The contract's input (lib/task.ts) from the form; the server checks it and answers per field. */
export const taskInput = (values: TaskFormValues): TTaskFields => ({
  title: values.title,
  note: values.note,
  assigneeId: values.assigneeId || null,
  dueOn: values.dueOn || null,
  link: parseLink(values.link),
});

/** A task's title, note, who, when and what about: shared by "Add a task" and editing one. */
export function TaskFields({
  idPrefix,
  register,
  errors,
  choices,
}: {
  idPrefix: string;
  register: UseFormRegister<TaskFormValues>;
  errors: FieldErrors<TaskFormValues>;
  choices: TaskChoices;
}) {
  const t = useTranslations("tasks.fields");
  const ids = taskFieldIds(idPrefix);
  const itemOptions = TASK_LINK_KINDS.flatMap((kind) =>
    choices.items[kind].map((item) => ({ value: `${kind}:${item.id}`, label: t(`${kind}Option`, { label: item.label }) })),
  );
  return (
    <>
      <TextField id={ids.title} label={t("title")} autoComplete="off" error={errors.title?.message} {...register("title")} />
      <SelectField
        id={ids.assigneeId}
        label={t("assignee")}
        className="max-w-sm"
        error={errors.assigneeId?.message}
        options={[
          { value: "", label: t("anyone") },
          ...choices.editors.map((m) => ({ value: m.userId, label: m.userId === choices.me ? t("you", { name: m.name }) : m.name })),
        ]}
        {...register("assigneeId")}
      />
      <TextField id={ids.dueOn} type="date" label={t("dueOn")} hint={t("dueOnHint")} className="max-w-xs" error={errors.dueOn?.message} {...register("dueOn")} />
      {itemOptions.length > 0 && (
        <SelectField
          id={ids.link}
          label={t("link")}
          className="max-w-sm"
          error={errors.link?.message}
          options={[{ value: "", label: t("noLink") }, ...itemOptions]}
          {...register("link")}
        />
      )}
      <TextArea id={ids.note} label={t("note")} rows={3} error={errors.note?.message} {...register("note")} />
    </>
  );
}
