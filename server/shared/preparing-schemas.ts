/** zod inputs for questions, records and notes, shared by their forms and routers. */
import { z } from "zod";
import { zText } from "./case-schemas";
import { QUESTION_BANK_KEYS, RECORD_KINDS, RECORD_STATUSES } from "./preparing";

/** The opinion/visit a question or note belongs to, or none. The router checks it is one of this case's. */
export const zOpinionRef = z.uuid("Choose one of this case's opinions.").nullable().default(null);
/** On an edit: leaving it out keeps the current tie; null unties. */
export const zOpinionRefEdit = z.uuid("Choose one of this case's opinions.").nullable().optional();

export const ZQuestionFields = z.object({
  text: zText(500, { required: "Write the question." }),
  opinionId: zOpinionRef,
});
export type TQuestionFields = z.input<typeof ZQuestionFields>;

export const ZAnswerFields = z.object({ answer: zText(5000) });
export type TAnswerFields = z.input<typeof ZAnswerFields>;

export const zBankKey = z.enum(QUESTION_BANK_KEYS, "That suggested question does not exist.");

export const ZRecordFields = z.object({
  title: zText(200, { required: "Say what the record is." }),
  kind: z.enum(RECORD_KINDS, "Choose what kind of record this is."),
  source: zText(200),
  notes: zText(2000),
  private: z.boolean(),
});
export type TRecordFields = z.input<typeof ZRecordFields>;

export const zRecordStatus = z.enum(RECORD_STATUSES, "Choose a status.");

export const ZNoteFields = z.object({
  body: zText(20_000, { required: "Write something in the note." }),
  opinionId: zOpinionRef,
  private: z.boolean(),
});
export type TNoteFields = z.input<typeof ZNoteFields>;
