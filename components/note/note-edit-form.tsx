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
import type { NoteView, TNoteFields, ZNoteFields, ZNoteView } from "@/lib/note";
import { NOTE_FIELDS, NoteFields, noteFieldIds } from "./note-fields";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

/** The author edits their note. Versioned: if it was saved elsewhere meanwhile, both versions are shown. */
export function NoteEditForm({ caseId, note, onDone }: { caseId: string; note: NoteView; onDone: () => void }) {
  const t = useTranslations("notes.forms");
  const client = useTRPCClient();
  const idPrefix = `note-${note.id}`;
  const form = useForm<TNoteFields, unknown, z.output<typeof ZNoteFields>>({
    resolver: lazyZodResolver(() => import("@/lib/note").then((m) => m.ZNoteFields)),
    defaultValues: { body: note.body, private: note.private },
    shouldFocusError: false,
  });
  const update = useCaseMutation(client.note.update.mutate);
  const draft = useDraft(form, { caseId, name: `note-edit-${note.id}`, fields: ["body"] });
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<NoteView>({
    saved: note,
    initialVersion: note.version,
    isDirty,
    load: (row) => form.reset({ body: row.body, private: row.private }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run(
      { caseId, id: note.id, version: edit.baseVersion, body: values.body, private: values.private },
      { form: { setError: form.setError, fields: NOTE_FIELDS }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZNoteView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, noteFieldIds(idPrefix), update.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts
        edit={edit}
        rows={(row) => [
          [t("note"), row.body],
          [t("private"), row.private ? t("privateYes") : t("privateNo")],
        ]}
        // Only the author edits a note, so a newer version came from their other device.
        changedBy={() => t("changedByYou")}
      />
      <NoteFields idPrefix={idPrefix} register={form.register} errors={errors} />
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
