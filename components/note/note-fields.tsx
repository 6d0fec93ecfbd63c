"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { SelectField } from "@/components/ui/select-field";
import { FormattedTextArea } from "@/components/ui/formatted-text-area";
import type { TNoteFields } from "@/lib/note";

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
  visits,
}: {
  idPrefix: string;
  /** When given, the note can be tied to one of these opinions/visits. */
  visits?: { id: string; label: string }[];
  register: UseFormRegister<TNoteFields>;
  errors: FieldErrors<TNoteFields>;
}) {
  const ids = noteFieldIds(idPrefix);
  return (
    <>
      <FormattedTextArea
        id={ids.body}
        label="Note"
        hint="Select words and press Bold to make them stand out, or List to turn lines into bullet points."
        rows={6}
        error={errors.body?.message}
        {...register("body")}
      />
      {visits && visits.length > 0 && (
        <SelectField
          id={`${idPrefix}-visit`}
          label="Taken for which visit (optional)"
          className="max-w-sm"
          options={[{ value: "", label: "Not tied to a visit" }, ...visits.map((v) => ({ value: v.id, label: v.label }))]}
          {...register("opinionId", { setValueAs: (v: string | null) => (v ? v : null) })}
        />
      )}
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
