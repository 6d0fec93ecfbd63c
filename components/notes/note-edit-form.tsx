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
import { ZNoteFields, type TNoteFields } from "@/server/shared/preparing-schemas";
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
  const [baseVersion, setBaseVersion] = useState(note.version);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<SavedNote | null>(null);
  const form = useForm<TNoteFields, unknown, z.output<typeof ZNoteFields>>({
    resolver: zodResolver(ZNoteFields),
    defaultValues: { body: note.body, private: note.private },
    shouldFocusError: false,
  });
  const update = useMutation(trpc.note.update.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  // Only the author edits a note, so a newer version came from their other device.
  const { changed, dismiss } = useChangedUnderneath({
    saved: note,
    baseVersion,
    isDirty,
    adopt: (row) => {
      form.reset({ body: row.body, private: row.private });
      setBaseVersion(row.version);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await update.mutateAsync({ caseId, id: note.id, version: baseVersion, body: values.body, private: values.private });
    } catch (error) {
      const current = conflictCurrent(error, ZSavedNote);
      if (current) {
        setTheirs(current);
        return;
      }
      setFormMessage(applyServerErrors(error, form.setError, NOTE_FIELDS));
      return;
    }
    setTheirs(null);
    router.refresh();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, noteFieldIds(idPrefix), formMessage)} />
      {theirs && (
        <ConflictPanel
          version={theirs.version}
          rows={[
            ["Note", theirs.body],
            ["Private", theirs.private ? "Yes, only you can see it" : "No, shared with the case"],
          ]}
          onUseTheirs={() => {
            form.reset({ body: theirs.body, private: theirs.private });
            setBaseVersion(theirs.version);
            setTheirs(null);
            router.refresh();
          }}
          onKeepMine={() => {
            setBaseVersion(theirs.version);
            setTheirs(null);
          }}
        />
      )}
      {changed && !theirs && (
        <ConflictPanel
          changedBy="You (on another device or tab)"
          version={changed.version}
          rows={[["Note", changed.body]]}
          onUseTheirs={() => {
            form.reset({ body: changed.body, private: changed.private });
            setBaseVersion(changed.version);
          }}
          onKeepMine={dismiss}
        />
      )}
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
