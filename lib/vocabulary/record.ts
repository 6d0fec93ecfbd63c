/** The record vocabulary the browser loads at once, without zod; `lib/record.ts` (the contract) re-exports it. */

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

// ── Files on records ─────────────────────────────────────────────────────────────────────────────

/** The largest file accepted, in bytes (25 MB). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** The only kinds of file a record takes; the server decides from a file's bytes (server/files/detect-type.ts). */
export const ALLOWED_FILE_TYPES = [
  { mediaType: "application/pdf", extension: "pdf", label: "PDF" },
  { mediaType: "image/jpeg", extension: "jpg", label: "JPEG" },
  { mediaType: "image/png", extension: "png", label: "PNG" },
  { mediaType: "image/heic", extension: "heic", label: "HEIC" },
  { mediaType: "image/heif", extension: "heif", label: "HEIF" },
  { mediaType: "text/plain", extension: "txt", label: "plain text" },
] as const satisfies readonly { mediaType: string; extension: string; label: string }[];

export type AllowedMediaType = (typeof ALLOWED_FILE_TYPES)[number]["mediaType"];

/** Shown when a file's real type is not one of the above. */
export const ALLOWED_TYPES_MESSAGE =
  "That kind of file can't be added. Choose a PDF, a JPEG, PNG or HEIC/HEIF image, or a plain text (.txt) file.";

/** What a file picker offers: the extensions and media types above ("jpeg" too). The server still decides from the bytes. */
export const FILE_INPUT_ACCEPT = [
  ...ALLOWED_FILE_TYPES.map((t) => `.${t.extension}`),
  ".jpeg",
  ...ALLOWED_FILE_TYPES.map((t) => t.mediaType),
].join(",");

/**
 * Why a chosen file would be refused, checked in the browser before sending (the server checks again,
 * and decides the type from the bytes): empty, too large, or neither its name nor its type is one we take.
 * Null when it may be sent.
 */
export function fileChoiceProblem(file: { name: string; type: string; size: number }): string | null {
  if (file.size === 0) return `"${file.name}" is empty. Choose another file.`;
  if (file.size > MAX_FILE_BYTES) {
    return `"${file.name}" is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB, the most a file can be. Choose a smaller file, or a shorter extract.`;
  }
  const extension = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".") + 1).toLowerCase() : "";
  const byName = extension === "jpeg" || ALLOWED_FILE_TYPES.some((t) => t.extension === extension);
  const byType = ALLOWED_FILE_TYPES.some((t) => t.mediaType === file.type);
  return byName || byType ? null : ALLOWED_TYPES_MESSAGE;
}
