"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { RECORD_KINDS } from "@/lib/vocabulary/record";
import type { TRecordFields } from "@/lib/record";
import type { RecordsPartT } from "./types";

export const RECORD_FIELDS = ["title", "kind", "source", "notes", "private"] as const;
/** The free text a record form keeps as a draft on this device (components/forms/use-draft.ts). */
export const RECORD_TEXT_FIELDS = ["title", "source", "notes"] as const;

/** The ids of a record form's inputs for a given prefix, for the error summary's links. */
export function recordFieldIds(prefix: string): Record<(typeof RECORD_FIELDS)[number], string> {
  return {
    title: `${prefix}-title`,
    kind: `${prefix}-kind`,
    source: `${prefix}-source`,
    notes: `${prefix}-notes`,
    private: `${prefix}-private`,
  };
}

/** The fields of a record, shared by "Add a record" and "Edit". */
export function RecordFields({
  idPrefix,
  register,
  errors,
  privateHint,
  privateLocked = false,
  lockedPrivate = false,
}: {
  idPrefix: string;
  register: UseFormRegister<TRecordFields>;
  errors: FieldErrors<TRecordFields>;
  /** Who will see the record when it is private, in the reader's terms. */
  privateHint: string;
  /** Only the record's author or the owner may change who sees it. */
  privateLocked?: boolean;
  /** Whether the record is private, shown in words when `privateLocked`. */
  lockedPrivate?: boolean;
}) {
  const t = useTranslations("records.fields");
  const kinds = useTranslations("records.kind");
  const ids = recordFieldIds(idPrefix);
  const kindOptions = RECORD_KINDS.map((kind) => ({ value: kind, label: kinds(kind) }));
  return (
    <>
      <TextField
        id={ids.title}
        label={t("title")}
        hint={t("titleHint")}
        autoComplete="off"
        error={errors.title?.message}
        {...register("title")}
      />
      <SelectField id={ids.kind} label={t("kind")} options={kindOptions} error={errors.kind?.message} {...register("kind")} />
      <TextField
        id={ids.source}
        label={t("source")}
        hint={t("sourceHint")}
        autoComplete="off"
        error={errors.source?.message}
        {...register("source")}
      />
      <TextArea id={ids.notes} label={t("notes")} rows={3} error={errors.notes?.message} {...register("notes")} />
      {privateLocked ? (
        // Not a disabled checkbox: the value stays as it is, and the reason is said in words.
        <p id={ids.private} className="text-muted">
          {lockedPrivate ? t("lockedPrivate") : t("lockedShared")}
        </p>
      ) : (
        <Checkbox
          id={ids.private}
          label={t("private")}
          hint={privateHint}
          error={errors.private?.message}
          {...register("private")}
        />
      )}
    </>
  );
}

/** Who sees a private record, said to the person about to mark it private. */
export function privateHintFor(isOwner: boolean, t: RecordsPartT<"fields">): string {
  return isOwner ? t("privateHintOwner") : t("privateHintOther");
}
