/** Notes: the note inputs. */
import { z } from "zod";
import { zText } from "./fields";
import { zOpinionRef } from "./opinion";

export const ZNoteFields = z.object({
  body: zText(20_000, { required: "Write something in the note." }),
  opinionId: zOpinionRef,
  private: z.boolean(),
});

export type TNoteFields = z.input<typeof ZNoteFields>;
