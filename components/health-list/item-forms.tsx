"use client";
/**
 * The health lists' forms — add an item, edit one — loaded the first time one opens
 * (components/ui/on-demand.tsx), so a list page carries no form code until then.
 */
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm, type DefaultValues, type FieldError, type Path, type UseFormReturn } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { addDraftName, valueText, type EditableListProps, type FieldDef, type ItemFields, type ListItem } from "./editable-list";

/** The fields a form keeps as a draft: the typed ones, not the choices. */
const textFields = <TFields extends ItemFields>(fields: readonly FieldDef<TFields>[]) => fields.filter((f) => f.control !== "select").map((f) => f.name);

function fieldIds<TFields extends ItemFields>(fields: readonly FieldDef<TFields>[], prefix: string) {
  return Object.fromEntries(fields.map((f) => [f.name, `${prefix}-${f.name}`])) as Partial<Record<Path<TFields>, string>>;
}

/** The inputs of an item form, from the field definitions. */
function ItemFormFields<TFields extends ItemFields>({
  fields,
  form,
  idPrefix,
}: {
  fields: readonly FieldDef<TFields>[];
  form: UseFormReturn<TFields>;
  idPrefix: string;
}) {
  const errors = form.formState.errors as Partial<Record<string, FieldError>>;
  return (
    <>
      {fields.map((field) => {
        const common = {
          id: `${idPrefix}-${field.name}`,
          label: field.label,
          hint: field.hint,
          error: errors[field.name]?.message,
          ...form.register(field.name),
        };
        if (field.control === "select") return <SelectField key={field.name} options={field.options ?? []} {...common} />;
        if (field.control === "long") return <TextArea key={field.name} rows={3} {...common} />;
        return <TextField key={field.name} autoComplete="off" {...common} />;
      })}
    </>
  );
}

/**
 * The add form's working part (opened from `AddItem` in ./editable-list.tsx, which holds the toggle).
 * It stays mounted while closed, so a closed form keeps its text; a restored draft opens it.
 */
export function AddItemForm<TFields extends ItemFields>({
  list,
  open,
  restoredShown,
  onRestored,
  onDismissRestored,
  onAdded,
  onClose,
}: {
  list: EditableListProps<TFields>;
  open: boolean;
  restoredShown: boolean;
  onRestored: () => void;
  onDismissRestored: () => void;
  onAdded: (message: string) => void;
  onClose: () => void;
}) {
  const { caseId, listId, submitLabel, addLabel, fields, emptyValues, resolver, actions } = list;
  const t = useTranslations("healthLists.list");
  const create = useCaseMutation(actions.create, { createsOnce: true });
  const form = useForm<TFields>({ resolver, defaultValues: emptyValues as DefaultValues<TFields>, shouldFocusError: false });
  const draft = useDraft(form, { caseId, name: addDraftName(listId), fields: textFields(fields) });
  const { errors, isSubmitting } = form.formState;
  const idPrefix = `add-${listId}`;

  useEffect(() => {
    if (draft.restored) onRestored();
  }, [draft.restored, onRestored]);

  const onSubmit = form.handleSubmit(async (values) => {
    onAdded("");
    const created = await create.run(values, { form: { setError: form.setError, fields: fields.map((f) => f.name) } });
    if (!created.ok) return;
    onAdded(t("added", { name: values[fields[0]!.name] ?? "" }));
    form.reset(emptyValues);
    draft.saved();
    // The form stays open for the next one; its first field takes focus.
    form.setFocus(fields[0]!.name);
  });

  if (!open) return null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={addLabel} className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, fieldIds(fields, idPrefix), create.message)} />
      <DraftRestored show={restoredShown} onDismiss={onDismissRestored} />
      <ItemFormFields fields={fields} form={form} idPrefix={idPrefix} />
      <SaveOrCancel
        busy={isSubmitting}
        label={submitLabel}
        busyLabel={t("adding")}
        cancelLabel={t("cancel")}
        onCancel={() => {
          draft.dismiss();
          onClose();
        }}
      />
    </form>
  );
}

/**
 * Edits one item. `item.version` is the one being edited: if someone saved in the meantime, the
 * save is refused and the person sees their version beside their own text, which is kept.
 */
export function EditItemForm<TFields extends ItemFields>({
  list,
  item,
  onDone,
}: {
  list: EditableListProps<TFields>;
  item: ListItem<TFields>;
  onDone: () => void;
}) {
  const { caseId, listId, fields, resolver, readConflict, actions } = list;
  const t = useTranslations("healthLists.list");
  const idPrefix = `edit-${listId}-${item.id}`;
  const valuesOf = (source: TFields): TFields => Object.fromEntries(fields.map((f) => [f.name, source[f.name] ?? ""])) as TFields;
  const update = useCaseMutation(({ version, values }: { version: number; values: TFields }) => actions.update(item.id, version, values));
  const form = useForm<TFields>({ resolver, defaultValues: valuesOf(item) as DefaultValues<TFields>, shouldFocusError: false });
  const draft = useDraft(form, { caseId, name: `${listId}-edit-${item.id}`, fields: textFields(fields) });
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<TFields & { version: number }>({
    saved: item,
    initialVersion: item.version,
    isDirty,
    load: (row) => form.reset(valuesOf(row)),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run(
      { version: edit.baseVersion, values },
      { form: { setError: form.setError, fields: fields.map((f) => f.name) }, conflict: (error) => edit.refusedBy(readConflict(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, fieldIds(fields, idPrefix), update.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts edit={edit} rows={(row) => fields.map((f) => [f.label, valueText(f, row[f.name])])} />
      <ItemFormFields fields={fields} form={form} idPrefix={idPrefix} />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("saveChanges")}
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
