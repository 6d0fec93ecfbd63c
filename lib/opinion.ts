/** Opinions: kinds, statuses, coverage answers, the opinion and call inputs and views, and references to an opinion from other rows. */
import { z } from "zod";
import { zMoment, zText } from "./fields";

/** `original` is the first opinion (the referring or diagnosing clinician's); the rest are kinds of second opinion. */
export const OPINION_KINDS = ["original", "same_specialty", "subspecialist", "multidisciplinary", "telehealth"] as const;

export type OpinionKind = (typeof OPINION_KINDS)[number];

/** The kinds of second opinion (where to go for one), without the original. */
export const SECOND_OPINION_KINDS = OPINION_KINDS.filter((kind): kind is Exclude<OpinionKind, "original"> => kind !== "original");

export const OPINION_KIND_LABELS: Record<OpinionKind, { name: string; explanation: string }> = {
  original: {
    name: "The original opinion",
    explanation:
      "The first clinician's view: usually the doctor who made the diagnosis, proposed the plan or referred you. Recording it lets you compare the others with it.",
  },
  same_specialty: {
    name: "Same specialty, different clinician",
    explanation:
      "Another doctor in the same field. Often helpful when the condition is complex or rare, when approaches vary within the specialty, or when you want a detailed comparison of options.",
  },
  subspecialist: {
    name: "Subspecialist or centre of expertise",
    explanation:
      "A clinician or clinic focused on one kind of condition. They see many similar cases and may offer tests or treatments that are less widely available.",
  },
  multidisciplinary: {
    name: "Multidisciplinary team",
    explanation:
      "Several professionals (for example surgeons, physicians and therapists) review the case together. Useful when a plan could combine surgery, medication and rehabilitation.",
  },
  telehealth: {
    name: "Telehealth or remote review",
    explanation:
      "A virtual visit or a review of your records from afar. Saves travel, but not every condition can be judged without an examination or special tests.",
  },
};

export const OPINION_STATUSES = ["considering", "scheduled", "completed"] as const;

export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  considering: "Considering",
  scheduled: "Scheduled",
  completed: "Completed",
};

/** Yes / no / not known yet, for the insurance and logistics questions. */
export const TRI_STATES = ["yes", "no", "unknown"] as const;

export type TriState = (typeof TRI_STATES)[number];

export const TRI_STATE_LABELS: Record<TriState, string> = { yes: "Yes", no: "No", unknown: "Not known yet" };

/** zod inputs for opinions and the comparison grid, shared by their forms and routers. */

const zTri = z.enum(TRI_STATES, "Choose yes, no or not known yet.");

export const ZOpinionFields = z.object({
  label: zText(80, { required: "Give this opinion a name, like “Second opinion”." }),
  clinician: zText(200),
  specialty: zText(200),
  institution: zText(200),
  kind: z.enum(OPINION_KINDS, "Choose what kind of opinion this is."),
  visitAt: zMoment("Enter the date of the visit.").nullable(),
  status: z.enum(OPINION_STATUSES, "Choose a status."),
  inNetwork: zTri,
  referralNeeded: zTri,
  preApprovalNeeded: zTri,
  expectedCosts: zText(1000),
});

export type TOpinionFields = z.input<typeof ZOpinionFields>;

export const ZCallFields = z.object({
  calledAt: zMoment("Enter the date of the call."),
  who: zText(200, { required: "Say who you spoke with (for example the insurer or the clinic)." }),
  reference: zText(100),
  summary: zText(2000),
});

export type TCallFields = z.input<typeof ZCallFields>;

/** An opinion as a member sees it: the router's output and a CONFLICT's `current`. */
export const ZOpinionView = z.object({
  id: z.uuid(),
  label: z.string(),
  clinician: z.string(),
  specialty: z.string(),
  institution: z.string(),
  kind: z.enum(OPINION_KINDS),
  visitAt: z.date().nullable(),
  status: z.enum(OPINION_STATUSES),
  inNetwork: z.enum(TRI_STATES),
  referralNeeded: z.enum(TRI_STATES),
  preApprovalNeeded: z.enum(TRI_STATES),
  expectedCosts: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  updatedAt: z.date(),
});

export type OpinionView = z.infer<typeof ZOpinionView>;

/** A logged call about an opinion, as members see it in the call log. Calls are not edited, so no version. */
export const ZCallView = z.object({
  id: z.uuid(),
  calledAt: z.date(),
  who: z.string(),
  reference: z.string(),
  summary: z.string(),
  authorName: z.string().nullable(),
});

export type CallView = z.infer<typeof ZCallView>;

/** zod inputs for questions, records and notes, shared by their forms and routers. */

/** The opinion/visit a question or note belongs to, or none. The router checks it is one of this case's. */
export const zOpinionRef = z.uuid("Choose one of this case's opinions.").nullable().default(null);

/** On an edit: leaving it out keeps the current tie; null unties. */
export const zOpinionRefEdit = z.uuid("Choose one of this case's opinions.").nullable().optional();
