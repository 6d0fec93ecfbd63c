/** zod inputs for reflections and decisions, shared by their forms and routers. */
import { z } from "zod";
import { zCalendarDate } from "./date-schemas";
import { zText } from "./case-schemas";
import { DECISION_PATHS, REFLECTION_VALUES } from "./deciding";

const zCheck = z.boolean().nullable();

export const ZReflectionFields = z.object({
  values: z.array(z.enum(REFLECTION_VALUES, "Choose from the listed values.")).max(REFLECTION_VALUES.length),
  valuesOther: zText(1000),
  riskComfort: z.number().int().min(1, "Choose a point from 1 to 5.").max(5, "Choose a point from 1 to 5.").nullable(),
  practical: zText(3000),
  communication: zText(3000),
  communicationOpinionId: z.uuid("Choose one of this case's opinions.").nullable(),
  feelSure: zCheck,
  knowBenefitsRisks: zCheck,
  clearOnPriorities: zCheck,
  enoughSupport: zCheck,
  canSayWhat: zCheck,
  canSayWhy: zCheck,
  canSayAlternatives: zCheck,
});
export type TReflectionFields = z.input<typeof ZReflectionFields>;

export const ZDecisionFields = z.object({
  path: z.enum(DECISION_PATHS, "Choose the path you are taking."),
  reasons: zText(5000),
  nextSteps: zText(3000),
  decidedOn: zCalendarDate("Enter the date of the decision."),
});
export type TDecisionFields = z.input<typeof ZDecisionFields>;

export const ZDecisionComment = z.object({ body: zText(3000, { required: "Write your comment." }) });
