/** zod inputs shared by the case and sharing forms (client) and their routers (server). */
import { z } from "zod";
import { zEmail } from "./account-schemas";
import { ZSelfCheckFields } from "./journey-schemas";
import { withoutControlCharacters } from "./plain-text";
import { INVITABLE_ROLES } from "./roles";

/** Trimmed, length-limited text; the message names the limit so a person knows what to shorten. */
export const zText = (max: number, { required }: { required?: string } = {}) => {
  const base = z.string().overwrite(withoutControlCharacters).trim().max(max, `Please keep this under ${max.toLocaleString("en")} characters.`);
  return required ? base.min(1, required) : base;
};

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

export const ZInviteFields = z.object({
  email: zEmail,
  role: z.enum(INVITABLE_ROLES, "Choose a role."),
  message: zText(1000),
});
export type TInviteFields = z.input<typeof ZInviteFields>;
