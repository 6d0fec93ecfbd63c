/** The checklist vocabulary the browser loads at once, without zod; `lib/checklist.ts` (the contract) re-exports it. */

// ── Checklist ────────────────────────────────────────────────────────────────────────────────────

export const CHECKLIST_PHASES = ["before_scheduling", "before_appointment", "during_appointment", "after_appointment"] as const;

export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

/** The places of a case an item links to: the link's words are `checklist.places.<place>` in the catalogue. */
export const CHECKLIST_PLACES = ["overview", "questions", "records", "health", "notes", "opinions", "compare", "decide", "talking"] as const;

export type ChecklistPlace = (typeof CHECKLIST_PLACES)[number];

/** Items the workspace can see done: the server works them out from the case's shared data. */
export const AUTO_CHECKLIST_ITEMS = [
  "main_questions",
  "insurance_checked",
  "kind_chosen",
  "records_requested",
  "records_received",
  "records_organised",
  "medication_allergy_lists",
  "top_questions",
  "understanding_written",
  "visit_notes",
  "second_opinion_recorded",
  "opinions_compared",
  "reflection_written",
] as const;

/** Items only a person can know about: members who can edit tick them by hand. */
export const MANUAL_CHECKLIST_ITEMS = ["ask_to_explain", "follow_up_original", "more_questions"] as const;

export type AutoChecklistItem = (typeof AUTO_CHECKLIST_ITEMS)[number];

export type ManualChecklistItem = (typeof MANUAL_CHECKLIST_ITEMS)[number];

export type ChecklistItemKey = AutoChecklistItem | ManualChecklistItem;

/**
 * One item: its words (`checklist.items.<key>.text`, and `.detail` — for auto items when it ticks itself,
 * for manual items a hint) are in the catalogue, in every language.
 */
export interface ChecklistItemDefinition {
  key: ChecklistItemKey;
  phase: ChecklistPhase;
  /** Where the work is done: the overview or one of the case's sections. */
  place: ChecklistPlace;
}

/** The checklist in order: the guide's four phases and their items. */
export const CHECKLIST_ITEMS: readonly ChecklistItemDefinition[] = [
  { key: "main_questions", phase: "before_scheduling", place: "questions" },
  { key: "insurance_checked", phase: "before_scheduling", place: "opinions" },
  { key: "kind_chosen", phase: "before_scheduling", place: "opinions" },
  { key: "records_requested", phase: "before_appointment", place: "records" },
  { key: "records_received", phase: "before_appointment", place: "records" },
  { key: "records_organised", phase: "before_appointment", place: "records" },
  { key: "medication_allergy_lists", phase: "before_appointment", place: "health" },
  { key: "top_questions", phase: "before_appointment", place: "questions" },
  { key: "understanding_written", phase: "during_appointment", place: "overview" },
  { key: "ask_to_explain", phase: "during_appointment", place: "questions" },
  { key: "visit_notes", phase: "during_appointment", place: "notes" },
  { key: "second_opinion_recorded", phase: "after_appointment", place: "opinions" },
  { key: "opinions_compared", phase: "after_appointment", place: "compare" },
  { key: "reflection_written", phase: "after_appointment", place: "decide" },
  { key: "follow_up_original", phase: "after_appointment", place: "talking" },
  { key: "more_questions", phase: "after_appointment", place: "questions" },
];

/** The path of a place, relative to the case (the overview is the case itself). */
export const checklistPlacePath = (place: ChecklistPlace): string => (place === "overview" ? "" : `/${place}`);

export const isManualChecklistItem = (key: ChecklistItemKey): key is ManualChecklistItem =>
  (MANUAL_CHECKLIST_ITEMS as readonly string[]).includes(key);
