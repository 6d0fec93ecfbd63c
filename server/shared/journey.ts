/**
 * Vocabulary of the guided journey: the self-check ("is a second opinion worth exploring?"), the
 * four-phase checklist and the "talking to your doctor" guide. Drawn from the patient guide, written
 * in the app's own words, kept as data so pages and tests share it. Informational only: nothing here
 * tells anyone what to do about their care.
 */
import { OPINION_KINDS, OPINION_KIND_LABELS } from "./comparing";

// ── Self-check ───────────────────────────────────────────────────────────────────────────────────

/** The guide's six situations in which people often look for a second opinion. */
export const SELF_CHECK_SITUATIONS = [
  "serious_diagnosis",
  "major_procedure",
  "unclear_diagnosis",
  "priorities_conflict",
  "rushed_unheard",
  "need_more_information",
] as const;
export type SelfCheckSituation = (typeof SELF_CHECK_SITUATIONS)[number];

export const SELF_CHECK_SITUATION_LABELS: Record<SelfCheckSituation, { label: string; explanation: string }> = {
  serious_diagnosis: {
    label: "A serious, long-term or life-changing diagnosis",
    explanation: "For example a cancer, a heart or nerve condition, or anything that may mean years of treatment.",
  },
  major_procedure: {
    label: "A major operation or procedure has been suggested",
    explanation: "Especially one that is planned rather than urgent, or that would change the body for good.",
  },
  unclear_diagnosis: {
    label: "The diagnosis is unclear, or symptoms carry on despite treatment",
    explanation: "Test results were “inconclusive”, or things are not getting better. Complex conditions can take time to understand.",
  },
  priorities_conflict: {
    label: "The treatment does not sit well with what matters to me",
    explanation: "How strong it is, its side effects, or how it would affect daily life, work or family.",
  },
  rushed_unheard: {
    label: "I felt rushed, dismissed or not fully heard",
    explanation: "Concerns were not answered, there was no time for questions, or symptoms were brushed aside.",
  },
  need_more_information: {
    label: "I have a strong feeling I need more information",
    explanation: "A sense that something is not quite right, or that I am not ready to decide yet.",
  },
};

/** The guide's timing cautions: situations in which care comes first and a second opinion later. */
export const TIMING_CAUTIONS = ["emergency", "delay_care"] as const;
export type TimingCaution = (typeof TIMING_CAUTIONS)[number];

export const TIMING_CAUTION_LABELS: Record<TimingCaution, { label: string; explanation: string }> = {
  emergency: {
    label: "This is an emergency",
    explanation: "Something is happening now where waiting could cause serious harm.",
  },
  delay_care: {
    label: "Waiting for another opinion would delay care I need",
    explanation: "Arranging another visit could put off treatment that should not wait.",
  },
};

/**
 * Whether to show the safety message (seek care now) for these answers. Any timing caution shows
 * it; the situations never do. The self-check form and the server use this same rule.
 */
export function needsSafetyMessage(cautions: readonly TimingCaution[]): boolean {
  return cautions.includes("emergency") || cautions.includes("delay_care");
}

/**
 * The informational summary of the answers, in plain sentences. Never a verdict and never "you
 * should": it reflects back what was ticked and what people in that position often do.
 */
export function selfCheckSummary(situations: readonly SelfCheckSituation[], cautions: readonly TimingCaution[]): string[] {
  const lines: string[] = [];
  if (needsSafetyMessage(cautions)) {
    lines.push(
      "You said that timing matters here. Getting care now comes first; a second opinion can still help later, for example to look at a longer-term plan once things are stable.",
    );
  }
  if (situations.length === 0) {
    lines.push(
      "You have not ticked any of the situations. That is fine: many people still want another view, and you can come back to this at any time.",
    );
  } else {
    const count = situations.length === 1 ? "one of the situations" : `${situations.length} of the situations`;
    lines.push(
      `You ticked ${count} in which people often find a second opinion helpful. This is not a verdict: it only shows that exploring another view is a common, accepted step in moments like this.`,
    );
  }
  lines.push("Whatever you decide, it is your choice, made with your care team. SecondLook does not give medical advice.");
  return lines;
}

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

// ── Talking to your doctor ───────────────────────────────────────────────────────────────────────

export interface Script {
  key: string;
  title: string;
  text: string;
}

/** Words for asking the current doctor, to copy, adapt or read out. */
export const ASKING_SCRIPTS: readonly Script[] = [
  {
    key: "ask-perspective",
    title: "Asking for another view",
    text: "There is a lot to take in. Before I decide, I would like another doctor to look at my case as well, so I understand all of my options. Could you help me with that?",
  },
  {
    key: "ask-what-to-bring",
    title: "Asking what to bring",
    text: "I am thinking about getting a second opinion before I make a decision. What information and test results should I take with me?",
  },
  {
    key: "ask-keep-trust",
    title: "Saying you value their care",
    text: "I value your care and I want to feel sure about my choice. Would you be comfortable with another specialist reviewing my case? I will share what I learn with you.",
  },
];

export const RECORDS_SCRIPTS: readonly Script[] = [
  {
    key: "records-request",
    title: "Asking for copies of records",
    text: "I am arranging a second opinion. Could I please have copies of my recent clinic notes, test results, imaging and pathology reports, my medication and allergy lists, and summaries of any procedures? Please tell me if I need to sign a release form.",
  },
  {
    key: "records-images",
    title: "Asking for the images themselves",
    text: "As well as the written reports, could I have the actual images from my scans, on a disc or through the patient portal, so the new clinician can look at them too?",
  },
];

/** What the current doctor may ask in return, with a ready answer to adapt. */
export const DOCTOR_MAY_ASK: readonly { question: string; answer: Script }[] = [
  {
    question: "Do you have a particular doctor, clinic or centre in mind?",
    answer: {
      key: "answer-where",
      title: "Answer: where",
      text: "I am thinking of seeing [name or clinic]. If you know someone who specialises in this, I would welcome a suggestion.",
    },
  },
  {
    question: "Will you sign a release form so we can send your records?",
    answer: {
      key: "answer-release",
      title: "Answer: release forms",
      text: "Yes, I am happy to sign whatever release forms are needed so my records can be sent to [name or clinic].",
    },
  },
  {
    question: "What would you like the second opinion to answer?",
    answer: {
      key: "answer-questions",
      title: "Answer: which questions",
      text: "Mainly I would like to understand [whether the diagnosis is certain / what other options there are / how urgent this is]. I want to feel clear before I decide.",
    },
  },
];

/** Where to get a second opinion: the opinion kinds, with the same explanations the opinion form shows. */
export const CHOOSING_WHERE = OPINION_KINDS.map((kind) => ({ kind, ...OPINION_KIND_LABELS[kind] }));

export const SUPPORT_AND_TIME = {
  bringSomeone: {
    title: "Bring someone with you",
    who: ["A family member", "A friend", "A care partner"],
    how: ["Taking notes while you listen", "Asking the follow-up questions you might forget", "Being there for you"],
  },
  takeTime: {
    title: "Take time to take it in (when there is time)",
    steps: [
      "Think over what you heard",
      "Read your notes and anything the clinic gave you",
      "Talk the options over with people you trust",
    ],
    note: "Unless things are truly urgent, a short pause can turn a blur of information into something clearer. If it is urgent, care comes first.",
  },
} as const;
