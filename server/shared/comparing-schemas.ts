/** zod inputs for opinions and the comparison grid, shared by their forms and routers. */
import { z } from "zod";
import { zMoment } from "./date-schemas";
import { zText } from "./case-schemas";
import { CLARIFYING_QUESTION_KEYS, COMPARISON_ASPECTS, OPINION_KINDS, OPINION_STATUSES, ROW_MARKS, TRI_STATES } from "./comparing";

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

export const zAspect = z.enum(COMPARISON_ASPECTS, "That row of the comparison does not exist.");
export const zRowMark = z.enum(ROW_MARKS, "Choose agree, differ or not sure yet.");
export const zClarifyingKey = z.enum(CLARIFYING_QUESTION_KEYS, "Choose one of the suggested questions.");

export const ZCellFields = z.object({ text: zText(5000) });
export type TCellFields = z.input<typeof ZCellFields>;
