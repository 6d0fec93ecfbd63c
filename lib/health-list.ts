/** Health lists (medications, allergies, past procedures): vocabulary, inputs and views. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { ALLERGY_SEVERITIES } from "./vocabulary/health-list";
export * from "./vocabulary/health-list";

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
  name: zText(SHORT, { required: messageRef("healthLists.validation.medicationNameRequired") }),
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
  substance: zText(SHORT, { required: messageRef("healthLists.validation.substanceRequired") }),
  reaction: zText(SHORT),
  severity: z.enum(ALLERGY_SEVERITIES, messageRef("healthLists.validation.severityRequired")),
});

export type TAllergyFields = z.input<typeof ZAllergyFields>;

export const ZProcedureFields = z.object({
  what: zText(SHORT, { required: messageRef("healthLists.validation.procedureRequired") }),
  /** Free text: people often know "spring 2019" rather than a date. */
  whenText: zText(SHORT),
  /** Where it was done: a hospital or clinic. */
  place: zText(SHORT),
  description: zText(LONG),
});

export type TProcedureFields = z.input<typeof ZProcedureFields>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZMedicationCreate = ZMedicationFields.extend(ZSubmission);
export const ZAllergyCreate = ZAllergyFields.extend(ZSubmission);
export const ZProcedureCreate = ZProcedureFields.extend(ZSubmission);

/** What every list item carries besides its own fields. */
const ZItemMeta = z.object({
  id: z.uuid(),
  position: zInt4(),
  /** Sent back with an update: a save over someone else's newer one is refused with CONFLICT. */
  version: zInt4(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A medication as members see it: the router's output, a CONFLICT's `current`. */
export const ZMedicationView = ZItemMeta.extend({
  name: z.string(),
  dose: z.string(),
  frequency: z.string(),
  purpose: z.string(),
  prescriber: z.string(),
  notes: z.string(),
});

export type MedicationView = z.infer<typeof ZMedicationView>;

/** An allergy or reaction as members see it. */
export const ZAllergyView = ZItemMeta.extend({
  substance: z.string(),
  reaction: z.string(),
  severity: z.enum(ALLERGY_SEVERITIES),
});

export type AllergyView = z.infer<typeof ZAllergyView>;

/** A past procedure or surgery as members see it. */
export const ZPastProcedureView = ZItemMeta.extend({
  what: z.string(),
  whenText: z.string(),
  place: z.string(),
  description: z.string(),
});

export type PastProcedureView = z.infer<typeof ZPastProcedureView>;
