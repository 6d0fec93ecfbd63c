/** The self-check (is a second opinion worth exploring?): situations, timing cautions and the safety message. Informational only. */
import { z } from "zod";
import { zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { SELF_CHECK_SITUATIONS, TIMING_CAUTIONS } from "./vocabulary/self-check";
export * from "./vocabulary/self-check";

/** zod inputs for the self-check and the checklist, shared by their forms and routers. */

export const ZSelfCheckFields = z.object({
  situations: z.array(z.enum(SELF_CHECK_SITUATIONS, messageRef("selfCheck.validation.unknownSituation"))).max(SELF_CHECK_SITUATIONS.length),
  cautions: z.array(z.enum(TIMING_CAUTIONS, messageRef("selfCheck.validation.unknownCaution"))).max(TIMING_CAUTIONS.length),
});

export type TSelfCheckFields = z.input<typeof ZSelfCheckFields>;

/** The case's self-check as every member reads it: the router's output and a CONFLICT's `current`. */
export const ZSelfCheckView = z.object({
  id: z.uuid(),
  situations: z.array(z.enum(SELF_CHECK_SITUATIONS)),
  cautions: z.array(z.enum(TIMING_CAUTIONS)),
  updatedByName: z.string().nullable(),
  version: zInt4(),
  updatedAt: z.date(),
});

export type SelfCheckView = z.infer<typeof ZSelfCheckView>;
