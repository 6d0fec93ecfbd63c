"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { conflictCurrent } from "@/components/forms/conflict";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { RecordView, TRecordFields, ZRecordView } from "@/lib/record";
import { privateHintFor, RECORD_FIELDS, RECORD_TEXT_FIELDS, RecordFields, recordFieldIds } from "./record-fields";
import type { RecordPermissions, RecordsPartT } from "./types";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

/** A record as saved, for the panel that shows it beside the person's own text. */
function savedRows(r: RecordView, t: RecordsPartT<"saved">, kinds: RecordsPartT<"kind">): [string, string][] {
  return [
    [t("title"), r.title],
    [t("kind"), kinds(r.kind)],
    [t("source"), r.source],
    [t("notes"), r.notes],
    [t("private"), r.private ? t("yes") : t("no")],
  ];
}

/**
 * Edits a record's text. `record.version` is the one being edited: if someone saved in the meantime,
 * the save is refused and the person sees their version next to their own text, which is kept.
 */
export function EditRecordForm({
  caseId,
  record,
  permissions,
  onDone,
}: {
  caseId: string;
  record: RecordView;
  permissions: RecordPermissions;
  onDone: () => void;
}) {
  const t = useTranslations("records.edit");
  const saved = useTranslations("records.saved");
  const kinds = useTranslations("records.kind");
  const fields = useTranslations("records.fields");
  const client = useTRPCClient();
  const idPrefix = `edit-record-${record.id}`;
  const form = useForm<TRecordFields>({
    resolver: lazyZodResolver(() => import("@/lib/record").then((m) => m.ZRecordFields)),
    defaultValues: { title: record.title, kind: record.kind, source: record.source, notes: record.notes, private: record.private },
    shouldFocusError: false,
  });
  const update = useCaseMutation(client.record.update.mutate);
  const draft = useDraft(form, { caseId, name: `record-edit-${record.id}`, fields: RECORD_TEXT_FIELDS });
  const { errors, isSubmitting, isDirty } = form.formState;
  const mayChangePrivacy = permissions.isOwner || record.authorId === permissions.userId;
  const edit = useVersionedEdit<RecordView>({
    saved: record,
    initialVersion: record.version,
    isDirty,
    load: (row) => form.reset({ title: row.title, kind: row.kind, source: row.source, notes: row.notes, private: row.private }),
    // Whoever may not change privacy keeps the record as they now saved it.
    onKeepMine: (theirs) => {
      if (!mayChangePrivacy) form.setValue("private", theirs.private);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run(
      { caseId, id: record.id, version: edit.baseVersion, ...values },
      { form: { setError: form.setError, fields: RECORD_FIELDS }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZRecordView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, recordFieldIds(idPrefix), update.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts edit={edit} rows={(row) => savedRows(row, saved, kinds)} />
      <RecordFields
        idPrefix={idPrefix}
        register={form.register}
        errors={errors}
        privateHint={privateHintFor(permissions.isOwner, fields)}
        privateLocked={!mayChangePrivacy}
        lockedPrivate={record.private}
      />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("submit")}
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
