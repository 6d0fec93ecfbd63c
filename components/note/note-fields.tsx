"use client";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("notes.fields");
  const ids = noteFieldIds(idPrefix);
  return (
    <>
      <FormattedTextArea
        id={ids.body}
        label={t("body")}
        hint={t("bodyHint")}
        rows={6}
        error={errors.body?.message}
        {...register("body")}
      />
      {visits && visits.length > 0 && (
        <SelectField
          id={`${idPrefix}-visit`}
          label={t("visit")}
          className="max-w-sm"
          options={[{ value: "", label: t("noVisit") }, ...visits.map((v) => ({ value: v.id, label: v.label }))]}
          {...register("opinionId", { setValueAs: (v: string | null) => (v ? v : null) })}
        />
      )}
      <Checkbox
        id={ids.private}
        label={t("private")}
        hint={t("privateHint")}
        error={errors.private?.message}
        {...register("private")}
      />
    </>
  );
}
