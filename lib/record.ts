/** Medical records: kinds, statuses, suggestions, and the record inputs. */
import { z } from "zod";
import { zText } from "./fields";

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

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  clinic_notes: "Clinic notes",
  blood_work: "Test results: blood work",
  imaging_report: "Test results: imaging report",
  pathology_report: "Test results: pathology report",
  images: "Actual images (disc or portal)",
  medication_list: "Medication list",
  procedure_history: "Surgery and procedure history",
  allergies: "Allergies and reactions",
  other: "Other",
};

/** needed → requested → received → shared with the second-opinion clinician. */
export const RECORD_STATUSES = ["needed", "requested", "received", "shared"] as const;

export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  needed: "Still needed",
  requested: "Requested",
  received: "Received",
  shared: "Shared with the second-opinion clinician",
};

/** What a new case can start from: the records a second-opinion clinician usually wants. */
export const SUGGESTED_RECORDS: { kind: RecordKind; title: string }[] = [
  { kind: "clinic_notes", title: "Notes from recent clinic visits" },
  { kind: "blood_work", title: "Recent blood test results" },
  { kind: "imaging_report", title: "Imaging reports (X-ray, CT, MRI, ultrasound)" },
  { kind: "pathology_report", title: "Pathology or biopsy reports" },
  { kind: "images", title: "The images themselves, on a disc or through a portal" },
  { kind: "medication_list", title: "Current medications with doses and how often" },
  { kind: "procedure_history", title: "Past surgeries and procedures, with dates" },
  { kind: "allergies", title: "Allergies and earlier bad reactions" },
];

export const ZRecordFields = z.object({
  title: zText(200, { required: "Say what the record is." }),
  kind: z.enum(RECORD_KINDS, "Choose what kind of record this is."),
  source: zText(200),
  notes: zText(2000),
  private: z.boolean(),
});

export type TRecordFields = z.input<typeof ZRecordFields>;

export const zRecordStatus = z.enum(RECORD_STATUSES, "Choose a status.");
