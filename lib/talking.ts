/** Talking to your doctor: the guide's scripts, in the app's own words. */
import { OPINION_KIND_LABELS, SECOND_OPINION_KINDS } from "./opinion";

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

/** Where to get a second opinion: the second-opinion kinds, with the same explanations the opinion form shows. */
export const CHOOSING_WHERE = SECOND_OPINION_KINDS.map((kind) => ({ kind, ...OPINION_KIND_LABELS[kind] }));

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
