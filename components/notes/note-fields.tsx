"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { TextArea } from "@/components/ui/text-area";
import type { TNoteFields } from "@/server/shared/preparing-schemas";

export const NOTE_FIELDS = ["body", "private"] as const;

/** The ids of a note form's inputs for a given prefix, for the error summary's links. */
export function noteFieldIds(prefix: string): Record<(typeof NOTE_FIELDS)[number], string> {
  return { body: `${prefix}-body`, private: `${prefix}-private` };
}

/** A note's text and its privacy, shared by "Write a note" and editing a note. */
export function NoteFields({
  idPrefix,
  register,
  errors,
}: {
  idPrefix: string;
  register: UseFormRegister<TNoteFields>;
  errors: FieldErrors<TNoteFields>;
}) {
  const ids = noteFieldIds(idPrefix);
  return (
    <>
      <TextArea
        id={ids.body}
        label="Note"
        hint="You can use **bold**, *italic*, lists (start a line with - ) and links like [a page](https://example.org)."
        rows={6}
        error={errors.body?.message}
        {...register("body")}
      />
      <Checkbox
        id={ids.private}
        label="Private — only I can see this note"
        hint="No one else in the case can read a private note. Leave it unticked to share the note with everyone in the case."
        error={errors.private?.message}
        {...register("private")}
      />
    </>
  );
}
