/** zod inputs for the self-check and the checklist, shared by their forms and routers. */
import { z } from "zod";
import { MANUAL_CHECKLIST_ITEMS, SELF_CHECK_SITUATIONS, TIMING_CAUTIONS } from "./journey";

export const ZSelfCheckFields = z.object({
  situations: z.array(z.enum(SELF_CHECK_SITUATIONS, "Choose from the listed situations.")).max(SELF_CHECK_SITUATIONS.length),
  cautions: z.array(z.enum(TIMING_CAUTIONS, "Choose from the listed timing cautions.")).max(TIMING_CAUTIONS.length),
});
export type TSelfCheckFields = z.input<typeof ZSelfCheckFields>;

export const ZManualTick = z.object({
  item: z.enum(MANUAL_CHECKLIST_ITEMS, "This item ticks itself from the case; it cannot be ticked by hand."),
  ticked: z.boolean(),
});
