"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { useChangedUnderneath } from "@/components/forms/changed-underneath";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RECORD_KINDS, RECORD_KIND_LABELS } from "@/server/shared/preparing";
import { ZRecordFields, type TRecordFields } from "@/server/shared/preparing-schemas";
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
  const [baseVersion, setBaseVersion] = useState(record.version);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<SavedRecord | null>(null);
  const form = useForm<TRecordFields>({
    resolver: zodResolver(ZRecordFields),
    defaultValues: { title: record.title, kind: record.kind, source: record.source, notes: record.notes, private: record.private },
    shouldFocusError: false,
  });
  const update = useMutation(trpc.record.update.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const mayChangePrivacy = permissions.isOwner || record.authorId === permissions.userId;
  const takeVersion = (row: SavedRecord) => {
    form.reset({ title: row.title, kind: row.kind, source: row.source, notes: row.notes, private: row.private });
    setBaseVersion(row.version);
  };
  const { changed, dismiss } = useChangedUnderneath({ saved: record, baseVersion, isDirty, adopt: takeVersion });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await update.mutateAsync({ caseId, id: record.id, version: baseVersion, ...values });
    } catch (error) {
      const current = conflictCurrent(error, ZSavedRecord);
      if (current) {
        setTheirs(current);
        return;
      }
      setFormMessage(applyServerErrors(error, form.setError, RECORD_FIELDS));
      return;
    }
    setTheirs(null);
    router.refresh();
    onDone();
  });

  const loadTheirs = () => {
    if (!theirs) return;
    const { version: theirVersion, ...theirFields } = theirs;
    form.reset(theirFields);
    setBaseVersion(theirVersion);
    setTheirs(null);
    router.refresh();
  };

  const keepMine = () => {
    if (!theirs) return;
    // Saving now replaces their version with this one, knowingly.
    setBaseVersion(theirs.version);
    // Whoever may not change privacy keeps the record as they now saved it.
    if (!mayChangePrivacy) form.setValue("private", theirs.private);
    setTheirs(null);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, recordFieldIds(idPrefix), formMessage)} />
      {theirs && (
        <ConflictPanel
          version={theirs.version}
          rows={savedRows(theirs)}
          onUseTheirs={loadTheirs}
          onKeepMine={keepMine}
        />
      )}
      {changed && !theirs && (
        <ConflictPanel
          changedBy={null}
          version={changed.version}
          rows={savedRows(changed)}
          onUseTheirs={() => takeVersion(changed)}
          onKeepMine={dismiss}
        />
      )}
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
