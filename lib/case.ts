/** A case: its details, and what starting one takes. */
import { z } from "zod";
import { zText } from "./fields";
import { ZSelfCheckFields } from "./self-check";

export const ZCaseDetails = z.object({
  patientName: zText(120, { required: "Enter the patient's name." }),
  title: zText(120, { required: "Give the case a short title." }),
  understanding: zText(5000),
  decision: zText(2000),
  urgent: z.boolean(),
});

export type TCaseDetails = z.input<typeof ZCaseDetails>;

/** A new case, optionally with the self-check answers it was started from. */
export const ZNewCase = ZCaseDetails.extend({ selfCheck: ZSelfCheckFields.optional() });

export type TNewCase = z.input<typeof ZNewCase>;
