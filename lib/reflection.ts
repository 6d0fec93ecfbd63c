/** The reflection before deciding: values, comfort with risk, readiness and understanding checks. */
import { z } from "zod";
import { zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { REFLECTION_VALUES } from "./vocabulary/reflection";
export * from "./vocabulary/reflection";

/** zod inputs for reflections and decisions, shared by their forms and routers. */

const zCheck = z.boolean().nullable();
const CHOOSE_RISK = messageRef("decision.validation.chooseRisk");

export const ZReflectionFields = z.object({
  values: z.array(z.enum(REFLECTION_VALUES, messageRef("decision.validation.chooseValue"))).max(REFLECTION_VALUES.length),
  valuesOther: zText(1000),
  riskComfort: zInt4().min(1, CHOOSE_RISK).max(5, CHOOSE_RISK).nullable(),
  practical: zText(3000),
  communication: zText(3000),
  communicationOpinionId: z.uuid(messageRef("decision.validation.chooseOpinion")).nullable(),
  feelSure: zCheck,
  knowBenefitsRisks: zCheck,
  clearOnPriorities: zCheck,
  enoughSupport: zCheck,
  canSayWhat: zCheck,
  canSayWhy: zCheck,
  canSayAlternatives: zCheck,
});

export type TReflectionFields = z.input<typeof ZReflectionFields>;

/** A member's reflection as every member reads it: the router's output and a CONFLICT's `current`. */
export const ZReflectionView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  authorName: z.string(),
  values: z.array(z.enum(REFLECTION_VALUES)),
  valuesOther: z.string(),
  riskComfort: zInt4().nullable(),
  practical: z.string(),
  communication: z.string(),
  communicationOpinionId: z.uuid().nullable(),
  feelSure: z.boolean().nullable(),
  knowBenefitsRisks: z.boolean().nullable(),
  clearOnPriorities: z.boolean().nullable(),
  enoughSupport: z.boolean().nullable(),
  canSayWhat: z.boolean().nullable(),
  canSayWhy: z.boolean().nullable(),
  canSayAlternatives: z.boolean().nullable(),
  version: zInt4(),
  updatedAt: z.date(),
});

export type ReflectionView = z.infer<typeof ZReflectionView>;
