/** The decision record: its paths, inputs and comments. */
import { z } from "zod";
import { zCalendarDate, zText } from "./fields";

export const DECISION_PATHS = [
  "continue_first",
  "continue_first_adjusted",
  "switch_to_second",
  "combination",
  "further_opinion",
  "wait_and_monitor",
  "still_deciding",
] as const;

export type DecisionPath = (typeof DECISION_PATHS)[number];

export const DECISION_PATH_LABELS: Record<DecisionPath, string> = {
  continue_first: "Continue with the first plan",
  continue_first_adjusted: "Continue with the first plan, with adjustments from the second opinion",
  switch_to_second: "Continue care with the second clinician",
  combination: "A combination of the plans",
  further_opinion: "Seek a further opinion",
  wait_and_monitor: "Wait and monitor",
  still_deciding: "Still deciding",
};

export const ZDecisionFields = z.object({
  path: z.enum(DECISION_PATHS, "Choose the path you are taking."),
  reasons: zText(5000),
  nextSteps: zText(3000),
  decidedOn: zCalendarDate("Enter the date of the decision."),
});

export type TDecisionFields = z.input<typeof ZDecisionFields>;

export const ZDecisionComment = z.object({ body: zText(3000, { required: "Write your comment." }) });

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
