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
import { type TNoteFields, ZNoteFields } from "@/lib/note";
import { NOTE_FIELDS, NoteFields, noteFieldIds } from "./note-fields";
import type { NoteRow } from "./types";

/** The note as it was saved meanwhile (e.g. from the author's other device), from a CONFLICT's `data.current`. */
const ZSavedNote = z.object({ body: z.string(), private: z.boolean(), version: z.number().int() });
type SavedNote = z.infer<typeof ZSavedNote>;

/** The author edits their note. Versioned: if it was saved elsewhere meanwhile, both versions are shown. */
export function NoteEditForm({ caseId, note, onDone }: { caseId: string; note: NoteRow; onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const idPrefix = `note-${note.id}`;
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<TNoteFields, unknown, z.output<typeof ZNoteFields>>({
    resolver: zodResolver(ZNoteFields),
    defaultValues: { body: note.body, private: note.private },
    shouldFocusError: false,
  });
  const update = useMutation(trpc.note.update.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<SavedNote>({
    saved: note,
    initialVersion: note.version,
    isDirty,
    load: (row) => form.reset({ body: row.body, private: row.private }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await update.mutateAsync({ caseId, id: note.id, version: edit.baseVersion, body: values.body, private: values.private });
    } catch (error) {
      if (edit.refusedBy(conflictCurrent(error, ZSavedNote))) return;
      setFormMessage(applyServerErrors(error, form.setError, NOTE_FIELDS));
      return;
    }
    edit.saved();
    router.refresh();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, noteFieldIds(idPrefix), formMessage)} />
      <VersionConflicts
        edit={edit}
        rows={(row) => [
          ["Note", row.body],
          ["Private", row.private ? "Yes, only you can see it" : "No, shared with the case"],
        ]}
        // Only the author edits a note, so a newer version came from their other device.
        changedBy={() => "You (on another device or tab)"}
      />
      <NoteFields idPrefix={idPrefix} register={form.register} errors={errors} />
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
