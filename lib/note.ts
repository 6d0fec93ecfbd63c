/** Notes: what a note is to the people who read it, and what writing one takes. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { zOpinionRef } from "./opinion";

export const ZNoteFields = z.object({
  body: zText(20_000, { required: messageRef("notes.validation.bodyRequired") }),
  opinionId: zOpinionRef,
  private: z.boolean(),
});

export type TNoteFields = z.input<typeof ZNoteFields>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZNoteCreate = ZNoteFields.extend(ZSubmission);

/** A note as a member sees it: the router's output, a CONFLICT's `current`, the packet's and export's source. */
export const ZNoteView = z.object({
  id: z.uuid(),
  body: z.string(),
  opinionId: z.uuid().nullable(),
  private: z.boolean(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  version: zInt4(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type NoteView = z.infer<typeof ZNoteView>;
