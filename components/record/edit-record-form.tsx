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
import { RECORD_KINDS, RECORD_KIND_LABELS, type TRecordFields, ZRecordFields } from "@/lib/record";
import { privateHintFor, RECORD_FIELDS, RecordFields, recordFieldIds } from "./record-fields";
import type { RecordPermissions, RecordView } from "./types";

/** The record as someone else saved it, carried by a CONFLICT error's `data.current`. */
const ZSavedRecord = z.object({
  title: z.string(),
  kind: z.enum(RECORD_KINDS),
  source: z.string(),
  notes: z.string(),
  private: z.boolean(),
  version: z.number().int(),
});
type SavedRecord = z.infer<typeof ZSavedRecord>;

/** A record as saved, for the panel that shows it beside the person's own text. */
function savedRows(r: Omit<SavedRecord, "version">): [string, string][] {
  return [
    ["What is it?", r.title],
    ["Kind of record", RECORD_KIND_LABELS[r.kind]],
    ["Where it comes from", r.source],
    ["Notes", r.notes],
    ["Private", r.private ? "Yes" : "No"],
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
  const trpc = useTRPC();
  const router = useRouter();
  const idPrefix = `edit-record-${record.id}`;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<TRecordFields>({
    resolver: zodResolver(ZRecordFields),
    defaultValues: { title: record.title, kind: record.kind, source: record.source, notes: record.notes, private: record.private },
    shouldFocusError: false,
  });
  const update = useMutation(trpc.record.update.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const mayChangePrivacy = permissions.isOwner || record.authorId === permissions.userId;
  const edit = useVersionedEdit<SavedRecord>({
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
    setFormMessage(null);
    try {
      await update.mutateAsync({ caseId, id: record.id, version: edit.baseVersion, ...values });
    } catch (error) {
      if (edit.refusedBy(conflictCurrent(error, ZSavedRecord))) return;
      setFormMessage(applyServerErrors(error, form.setError, RECORD_FIELDS));
      return;
    }
    edit.saved();
    router.refresh();
    onDone();
  });



  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, recordFieldIds(idPrefix), formMessage)} />
      <VersionConflicts edit={edit} rows={savedRows} />
      <RecordFields
        idPrefix={idPrefix}
        register={form.register}
        errors={errors}
        privateHint={privateHintFor(permissions.isOwner)}
        privateLocked={!mayChangePrivacy}
        lockedPrivate={record.private}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
