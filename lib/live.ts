import { z } from "zod";
import { zInt4 } from "./fields";
import { CASE_SECTIONS } from "./vocabulary/live";
export * from "./vocabulary/live";

export const ZCaseSection = z.enum(CASE_SECTIONS);

/** Another member with the case open now, and the section they are on. */
export const ZPresentView = z.object({ userId: z.uuid(), name: z.string(), section: ZCaseSection });

export type PresentView = z.infer<typeof ZPresentView>;

/** How many others' changes each section has since this member last looked at it. */
export const ZUnreadView = z.record(ZCaseSection, zInt4());
