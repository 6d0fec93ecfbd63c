/**
 * Vocabulary of the preparing sections (questions, records, health lists), drawn from the patient
 * guide and written in the app's own words. Shared by forms and routers.
 */

/** Questions a person can add with one click. Keys are stable; the text is what gets added. */
export const QUESTION_BANK = [
  { key: "diagnosis-confirm", topic: "Diagnosis", text: "Do you agree with the diagnosis I was given? If not, what do you think is going on?" },
  { key: "diagnosis-other", topic: "Diagnosis", text: "Are there other conditions that could explain my symptoms, and how could we tell them apart?" },
  { key: "diagnosis-tests", topic: "Diagnosis", text: "Would any further tests or imaging change how you see my situation?" },
  { key: "options-all", topic: "Options", text: "What are all the treatment options for me, including watching and waiting?" },
  { key: "options-why", topic: "Options", text: "Why do you prefer this option over the others?" },
  { key: "options-benefits-risks", topic: "Options", text: "What are the likely benefits and the main risks or side effects of each option?" },
  { key: "urgency-how-soon", topic: "Timing", text: "How soon does a decision need to be made? Is there time to think it over?" },
  { key: "urgency-wait", topic: "Timing", text: "What could happen if we do nothing for now, or wait before starting treatment?" },
  { key: "personal-factors", topic: "You", text: "How do my age, my overall health and the way I live affect what you would suggest?" },
  { key: "personal-priorities", topic: "You", text: "How would each option affect the things that matter most to me day to day?" },
  { key: "family-member", topic: "You", text: "If I were a member of your family, what questions would you encourage me to ask?" },
  { key: "follow-up", topic: "After", text: "What follow-up or monitoring would each option need, and who would do it?" },
  { key: "recovery", topic: "After", text: "What does recovery usually look like, and how long before daily life returns to normal?" },
  { key: "next-steps", topic: "After", text: "What should my next step be after today's visit?" },
] as const;
export type QuestionBankKey = (typeof QUESTION_BANK)[number]["key"];
export const QUESTION_BANK_KEYS = QUESTION_BANK.map((q) => q.key) as [QuestionBankKey, ...QuestionBankKey[]];

/** The app encourages this many priority questions. */
export const PRIORITY_QUESTIONS_MIN = 3;
export const PRIORITY_QUESTIONS_MAX = 5;

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

export const ALLERGY_SEVERITIES = ["mild", "moderate", "severe", "unknown"] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];
export const ALLERGY_SEVERITY_LABELS: Record<AllergySeverity, string> = {
  mild: "Mild",
  moderate: "Moderate",
  severe: "Severe",
  unknown: "Not sure",
};
