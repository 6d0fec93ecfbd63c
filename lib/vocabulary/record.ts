/**
 * The record vocabulary the browser loads at once, without zod; `lib/record.ts` (the contract) re-exports it.
 * The words for kinds and statuses are in the catalogue (`records.kind.<kind>`, `records.status.<status>`).
 */
export const RECORD_KINDS = [
  "clinic_notes",
  "blood_work",
  "imaging_report",
  "pathology_report",
  "images",
  "medication_list",
  "procedure_history",
  "allergies",
  "other",
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];

/** needed → requested → received → shared with the second-opinion clinician. */
export const RECORD_STATUSES = ["needed", "requested", "received", "shared"] as const;

export type RecordStatus = (typeof RECORD_STATUSES)[number];

/**
 * What a new case can start from: the records a second-opinion clinician usually wants. Their titles
 * are catalogue messages (`records.suggested.<kind>`), written in the adding person's language.
 */
export const SUGGESTED_RECORDS = [
  { kind: "clinic_notes" },
  { kind: "blood_work" },
  { kind: "imaging_report" },
  { kind: "pathology_report" },
  { kind: "images" },
  { kind: "medication_list" },
  { kind: "procedure_history" },
  { kind: "allergies" },
] as const satisfies readonly { kind: RecordKind }[];
