/** Health lists (medications, allergies, past procedures): vocabulary and inputs. */
import { z } from "zod";
import { zText } from "./fields";

export const ALLERGY_SEVERITIES = ["mild", "moderate", "severe", "unknown"] as const;

export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

export const ALLERGY_SEVERITY_LABELS: Record<AllergySeverity, string> = {
  mild: "Mild",
  moderate: "Moderate",
  severe: "Severe",
  unknown: "Not sure",
};

/**
 * zod inputs for the structured health lists (medications, allergies, past procedures and surgeries),
 * shared by their forms (client) and `server/routers/health-list.ts` (server). Touch this file to
 * change what a list item holds or how long its text may be; the columns are in db/schema/health-lists.ts.
 */

/** A name or another one-line field. */
const SHORT = 200;

/** Notes and descriptions. */
const LONG = 2000;

export const ZMedicationFields = z.object({
  name: zText(SHORT, { required: "Enter the name of the medication." }),
  dose: zText(SHORT),
  /** "How often", e.g. "twice a day". */
  frequency: zText(SHORT),
  /** "What it is for". */
  purpose: zText(SHORT),
  prescriber: zText(SHORT),
  notes: zText(LONG),
});

export type TMedicationFields = z.input<typeof ZMedicationFields>;

export const ZAllergyFields = z.object({
  substance: zText(SHORT, { required: "Enter what causes the allergy or reaction." }),
  reaction: zText(SHORT),
  severity: z.enum(ALLERGY_SEVERITIES, 'Choose how severe the reaction is, or "Not sure".'),
});

export type TAllergyFields = z.input<typeof ZAllergyFields>;

export const ZProcedureFields = z.object({
  what: zText(SHORT, { required: "Say which procedure or surgery it was." }),
  /** Free text: people often know "spring 2019" rather than a date. */
  whenText: zText(SHORT),
  /** Where it was done: a hospital or clinic. */
  place: zText(SHORT),
  description: zText(LONG),
});

export type TProcedureFields = z.input<typeof ZProcedureFields>;
