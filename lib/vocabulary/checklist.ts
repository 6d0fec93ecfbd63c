/** The checklist vocabulary the browser loads at once, without zod; `lib/checklist.ts` (the contract) re-exports it. */

// ── Checklist ────────────────────────────────────────────────────────────────────────────────────

export const CHECKLIST_PHASES = ["before_scheduling", "before_appointment", "during_appointment", "after_appointment"] as const;

export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

export const CHECKLIST_PHASE_LABELS: Record<ChecklistPhase, string> = {
  before_scheduling: "Before you schedule",
  before_appointment: "Before the appointment",
  during_appointment: "During the appointment",
  after_appointment: "After the appointment",
};

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

export interface ChecklistItemDefinition {
  key: ChecklistItemKey;
  phase: ChecklistPhase;
  text: string;
  /** For auto items: when it ticks itself, in plain words. For manual items: a hint. */
  detail: string;
  /** Where the work is done, relative to the case (`""` is the overview). */
  section: string;
  /** The words of the link to that place. */
  linkText: string;
}

/** The checklist in order: the guide's four phases and their items. */
export const CHECKLIST_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    key: "main_questions",
    phase: "before_scheduling",
    text: "Write down your main questions or worries",
    detail: "Ticks itself once the case has a question.",
    section: "/questions",
    linkText: "Questions",
  },
  {
    key: "insurance_checked",
    phase: "before_scheduling",
    text: "Check your insurance: cover, referrals and likely costs",
    detail: "Ticks itself once a second-opinion visit has an insurance answer, expected costs or a logged call.",
    section: "/opinions",
    linkText: "Opinions",
  },
  {
    key: "kind_chosen",
    phase: "before_scheduling",
    text: "Choose what kind of clinician or centre to see",
    detail: "Ticks itself once a second opinion (any opinion after the first) is added.",
    section: "/opinions",
    linkText: "Opinions",
  },
  {
    key: "records_requested",
    phase: "before_appointment",
    text: "Ask for copies of your records: clinic notes, test results and imaging reports, medication and allergy lists, procedure summaries",
    detail: "Ticks itself when every shared record on the list has been requested (or received).",
    section: "/records",
    linkText: "Records",
  },
  {
    key: "records_received",
    phase: "before_appointment",
    text: "Receive the records you asked for",
    detail: "Ticks itself when every shared record on the list has been received.",
    section: "/records",
    linkText: "Records",
  },
  {
    key: "records_organised",
    phase: "before_appointment",
    text: "Keep your records together in one folder or file",
    detail: "Ticks itself once a file is uploaded to a shared record.",
    section: "/records",
    linkText: "Records",
  },
  {
    key: "medication_allergy_lists",
    phase: "before_appointment",
    text: "Write out your medications and allergies",
    detail: "Ticks itself once a medication or an allergy is listed.",
    section: "/health",
    linkText: "Medications & history",
  },
  {
    key: "top_questions",
    phase: "before_appointment",
    text: "Pick your top 3 to 5 questions",
    detail: "Ticks itself once at least 3 questions are marked as priorities.",
    section: "/questions",
    linkText: "Questions",
  },
  {
    key: "understanding_written",
    phase: "during_appointment",
    text: "Share what you understand about the diagnosis and the plan",
    detail: "Ticks itself once “What I understand so far” is written on the overview.",
    section: "",
    linkText: "Overview",
  },
  {
    key: "ask_to_explain",
    phase: "during_appointment",
    text: "Ask the clinician whether they agree with the diagnosis, which options they see, and how urgent a decision is",
    detail: "Tick this yourself once you have asked.",
    section: "/questions",
    linkText: "Questions",
  },
  {
    key: "visit_notes",
    phase: "during_appointment",
    text: "Take notes, or ask someone with you to take them",
    detail: "Ticks itself once a shared note is tied to a visit.",
    section: "/notes",
    linkText: "Notes",
  },
  {
    key: "second_opinion_recorded",
    phase: "after_appointment",
    text: "Mark the second-opinion visit as done",
    detail: "Ticks itself once a second opinion's status is “Completed”.",
    section: "/opinions",
    linkText: "Opinions",
  },
  {
    key: "opinions_compared",
    phase: "after_appointment",
    text: "Compare the first and second opinions side by side",
    detail: "Ticks itself once the comparison has entries for two opinions.",
    section: "/compare",
    linkText: "Compare",
  },
  {
    key: "reflection_written",
    phase: "after_appointment",
    text: "Think about how each option fits your values, daily life and comfort",
    detail: "Ticks itself once someone in the case writes a reflection.",
    section: "/decide",
    linkText: "Decide",
  },
  {
    key: "follow_up_original",
    phase: "after_appointment",
    text: "Think about a follow-up talk with your original doctor about what you learned",
    detail: "Tick this yourself. The “Talking to your doctor” page has words you can use.",
    section: "/talking",
    linkText: "Talking to your doctor",
  },
  {
    key: "more_questions",
    phase: "after_appointment",
    text: "If something is still unclear, ask more questions: that is always allowed",
    detail: "Tick this yourself when you feel you have the answers you need for now.",
    section: "/questions",
    linkText: "Questions",
  },
];

export const isManualChecklistItem = (key: ChecklistItemKey): key is ManualChecklistItem =>
  (MANUAL_CHECKLIST_ITEMS as readonly string[]).includes(key);
