/** A case: its details, what starting one takes, and the case as its members see it. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { CASE_ROLES, ZMemberView } from "./member";
import { ZSelfCheckFields } from "./self-check";

export const ZCaseDetails = z.object({
  patientName: zText(120, { required: messageRef("cases.validation.patientNameRequired") }),
  title: zText(120, { required: messageRef("cases.validation.titleRequired") }),
  understanding: zText(5000),
  decision: zText(2000),
  urgent: z.boolean(),
});

export type TCaseDetails = z.input<typeof ZCaseDetails>;

/** A new case, optionally with the self-check answers it was started from. */
export const ZNewCase = ZCaseDetails.extend({ selfCheck: ZSelfCheckFields.optional() });

export type TNewCase = z.input<typeof ZNewCase>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZCaseCreate = ZNewCase.extend(ZSubmission);

/** A case as its members see it: `case.update`'s output, a CONFLICT's `current`, the base of the variants below. */
export const ZCaseView = z.object({
  id: z.uuid(),
  patientName: z.string(),
  title: z.string(),
  understanding: z.string(),
  decision: z.string(),
  urgent: z.boolean(),
  archivedAt: z.date().nullable(),
  version: zInt4(),
  createdAt: z.date(),
  lastActivityAt: z.date(),
});

export type CaseView = z.infer<typeof ZCaseView>;

/** One case on "My cases": the caller's role in it and how much others did since their last visit. */
export const ZCaseSummary = ZCaseView.pick({ id: true, patientName: true, title: true, urgent: true, archivedAt: true, lastActivityAt: true }).extend({
  role: z.enum(CASE_ROLES),
  newSinceLastVisit: zInt4(),
});

export type CaseSummary = z.infer<typeof ZCaseSummary>;

/** The case as its workspace loads it: the case, the reader's role and last visit, and who is in it. */
export const ZCaseWorkspace = ZCaseView.extend({
  myRole: z.enum(CASE_ROLES),
  /** When the reader last opened the overview: its feed marks what others did since as new. */
  myLastSeenAt: z.date().nullable(),
  members: z.array(ZMemberView.pick({ id: true, userId: true, name: true, role: true })),
});

export type CaseWorkspace = z.infer<typeof ZCaseWorkspace>;
