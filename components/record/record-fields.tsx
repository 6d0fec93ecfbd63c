"use client";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { RECORD_KINDS, RECORD_KIND_LABELS } from "@/lib/vocabulary/record";
import type { TRecordFields } from "@/lib/record";

export const RECORD_FIELDS = ["title", "kind", "source", "notes", "private"] as const;
/** The free text a record form keeps as a draft on this device (components/forms/use-draft.ts). */
export const RECORD_TEXT_FIELDS = ["title", "source", "notes"] as const;

export const KIND_OPTIONS = RECORD_KINDS.map((kind) => ({ value: kind, label: RECORD_KIND_LABELS[kind] }));

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
  const ids = recordFieldIds(idPrefix);
  return (
    <>
      <TextField
        id={ids.title}
        label="What is it?"
        hint='For example: "MRI report of the left knee, March".'
        autoComplete="off"
        error={errors.title?.message}
        {...register("title")}
      />
      <SelectField id={ids.kind} label="Kind of record" options={KIND_OPTIONS} error={errors.kind?.message} {...register("kind")} />
      <TextField
        id={ids.source}
        label="Where it comes from (optional)"
        hint="For example: the clinic, the hospital's records department, or the patient portal."
        autoComplete="off"
        error={errors.source?.message}
        {...register("source")}
      />
      <TextArea id={ids.notes} label="Notes (optional)" rows={3} error={errors.notes?.message} {...register("notes")} />
      {privateLocked ? (
        // Not a disabled checkbox: the value stays as it is, and the reason is said in words.
        <p id={ids.private} className="text-muted">
          {lockedPrivate ? "This record is private." : "This record is shared with everyone in the case."} Only the person who
          added it, or the owner, can change who sees it.
        </p>
      ) : (
        <Checkbox
          id={ids.private}
          label="Keep this record private"
          hint={privateHint}
          error={errors.private?.message}
          {...register("private")}
        />
      )}
    </>
  );
}

/** Who sees a private record, said to the person about to mark it private. */
export function privateHintFor(isOwner: boolean): string {
  return isOwner
    ? "Only you will see it. Records are the patient's own information: keep private anything you do not want to share."
    : "Only you and the case owner will see it.";
}
