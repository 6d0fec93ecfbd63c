/** Opinions: kinds, statuses, coverage answers, the opinion and call inputs and views, and references to an opinion from other rows. */
import { z } from "zod";
import { ZSubmission, zMoment, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { isTimeZone } from "./time-zone";
import { OPINION_KINDS, OPINION_STATUSES, TRI_STATES } from "./vocabulary/opinion";
export * from "./vocabulary/opinion";

/** zod inputs for opinions and the comparison grid, shared by their forms and routers. */

const zTri = z.enum(TRI_STATES, messageRef("opinions.validation.triRequired"));

/** An http(s) address to open, never `javascript:` or another scheme that could run in the page. */
function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Up to this many members can be "coming along" to one visit. */
export const MAX_COMING_ALONG = 20;

/**
 * The visit's own fields. `visitAt` is the moment; `visitTimeZone` the IANA zone it was booked in (the
 * clinic's), in which everyone sees it, its name beside it. Null zone: a visit saved before zones, or
 * by a client that sent none — shown in each reader's own zone (decision 0037).
 */
const visitFields = {
  visitAt: zMoment(messageRef("opinions.validation.visitRequired")).nullable(),
  visitTimeZone: z
    .string()
    .refine(isTimeZone, messageRef("opinions.validation.timeZone"))
    .nullable()
    .default(null),
  visitPlace: zText(300).default(""),
  visitLink: zText(500)
    .refine((value) => value === "" || isWebLink(value), messageRef("opinions.validation.visitLink"))
    .default(""),
  /** User ids of current members coming to the visit; the router checks each is one. */
  comingAlong: z
    .array(z.uuid(messageRef("opinions.validation.comingAlong")))
    .max(MAX_COMING_ALONG, messageRef("opinions.validation.comingAlong"))
    .default([]),
};

export const ZOpinionFields = z.object({
  label: zText(80, { required: messageRef("opinions.validation.labelRequired") }),
  clinician: zText(200),
  specialty: zText(200),
  institution: zText(200),
  kind: z.enum(OPINION_KINDS, messageRef("opinions.validation.kindRequired")),
  ...visitFields,
  status: z.enum(OPINION_STATUSES, messageRef("opinions.validation.statusRequired")),
  inNetwork: zTri,
  referralNeeded: zTri,
  preApprovalNeeded: zTri,
  expectedCosts: zText(1000),
});

export type TOpinionFields = z.input<typeof ZOpinionFields>;

export const ZCallFields = z.object({
  calledAt: zMoment(messageRef("opinions.validation.callDateRequired")),
  who: zText(200, { required: messageRef("opinions.validation.whoRequired") }),
  reference: zText(100),
  summary: zText(2000),
});

export type TCallFields = z.input<typeof ZCallFields>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZOpinionCreate = ZOpinionFields.extend(ZSubmission);
export const ZCallCreate = ZCallFields.extend({ opinionId: z.uuid(), ...ZSubmission });

/** An opinion as a member sees it: the router's output and a CONFLICT's `current`. */
export const ZOpinionView = z.object({
  id: z.uuid(),
  label: z.string(),
  clinician: z.string(),
  specialty: z.string(),
  institution: z.string(),
  kind: z.enum(OPINION_KINDS),
  visitAt: z.date().nullable(),
  visitTimeZone: z.string().nullable(),
  visitPlace: z.string(),
  visitLink: z.string(),
  /** Current members only: someone who left or was removed is not listed. */
  comingAlong: z.array(z.uuid()),
  status: z.enum(OPINION_STATUSES),
  inNetwork: z.enum(TRI_STATES),
  referralNeeded: z.enum(TRI_STATES),
  preApprovalNeeded: z.enum(TRI_STATES),
  expectedCosts: z.string(),
  position: zInt4(),
  version: zInt4(),
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
export const zOpinionRef = z.uuid(messageRef("opinions.validation.chooseOpinion")).nullable().default(null);

/** On an edit: leaving it out keeps the current tie; null unties. */
export const zOpinionRefEdit = z.uuid(messageRef("opinions.validation.chooseOpinion")).nullable().optional();
