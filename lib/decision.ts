/** The decision record: its paths, inputs and comments. */
import { z } from "zod";
import { ZSubmission, zCalendarDate, zText } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { DECISION_PATHS } from "./vocabulary/decision";
export * from "./vocabulary/decision";

export const ZDecisionFields = z.object({
  path: z.enum(DECISION_PATHS, messageRef("decision.validation.choosePath")),
  reasons: zText(5000),
  nextSteps: zText(3000),
  decidedOn: zCalendarDate(messageRef("decision.validation.enterDate")),
});

export type TDecisionFields = z.input<typeof ZDecisionFields>;

export const ZDecisionComment = z.object({ body: zText(3000, { required: messageRef("decision.validation.writeComment") }) });

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZDecisionRecord = ZDecisionFields.extend(ZSubmission);
export const ZDecisionCommentCreate = ZDecisionComment.extend({ decisionId: z.uuid(), ...ZSubmission });

/** A comment on one recorded version of the decision. */
export const ZDecisionCommentView = z.object({
  id: z.uuid(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
});

export type DecisionCommentView = z.infer<typeof ZDecisionCommentView>;

/** One recorded version of the decision, with its comments oldest first. */
export const ZDecisionView = z.object({
  id: z.uuid(),
  path: z.enum(DECISION_PATHS),
  reasons: z.string(),
  nextSteps: z.string(),
  decidedOn: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
  comments: z.array(ZDecisionCommentView),
});

export type DecisionView = z.infer<typeof ZDecisionView>;
