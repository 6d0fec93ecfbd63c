/** The four-phase checklist: its phases and items, automatic and ticked by hand. */
import { z } from "zod";
import { zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { CHECKLIST_PHASES, CHECKLIST_PLACES, AUTO_CHECKLIST_ITEMS, MANUAL_CHECKLIST_ITEMS } from "./vocabulary/checklist";
export * from "./vocabulary/checklist";

export const ZManualTick = z.object({
  item: z.enum(MANUAL_CHECKLIST_ITEMS, messageRef("checklist.validation.manualOnly")),
  ticked: z.boolean(),
});

/**
 * One checklist item as every member sees it: its state worked out now, and where the work is done.
 * Its words come from the catalogue by key, in the reader's language.
 */
export const ZChecklistItemView = z.object({
  key: z.enum([...AUTO_CHECKLIST_ITEMS, ...MANUAL_CHECKLIST_ITEMS]),
  href: z.string(),
  place: z.enum(CHECKLIST_PLACES),
  auto: z.boolean(),
  done: z.boolean(),
  /** For a manual tick: who ticked it and when. */
  tickedByName: z.string().nullable(),
  tickedAt: z.date().nullable(),
});

export type ChecklistItemView = z.infer<typeof ZChecklistItemView>;

/** The whole checklist, phase by phase, with the done counts. */
export const ZChecklistView = z.object({
  phases: z.array(
    z.object({
      phase: z.enum(CHECKLIST_PHASES),
      done: zInt4(),
      total: zInt4(),
      items: z.array(ZChecklistItemView),
    }),
  ),
  done: zInt4(),
  total: zInt4(),
  /** Whether the case's self-check has been answered: the overview and this page word their link to it by that. */
  selfCheckTaken: z.boolean(),
});

export type ChecklistView = z.infer<typeof ZChecklistView>;
