/** Questions: the suggested question bank, priorities, and the question inputs. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { zOpinionRef } from "./opinion";
import { QUESTION_BANK_KEYS } from "./vocabulary/question";
export * from "./vocabulary/question";

export const ZQuestionFields = z.object({
  text: zText(500, { required: messageRef("questions.validation.textRequired") }),
  opinionId: zOpinionRef,
});

export type TQuestionFields = z.input<typeof ZQuestionFields>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZQuestionCreate = ZQuestionFields.extend(ZSubmission);

export const ZAnswerFields = z.object({ answer: zText(5000) });

export type TAnswerFields = z.input<typeof ZAnswerFields>;

export const zBankKey = z.enum(QUESTION_BANK_KEYS, messageRef("questions.validation.unknownSuggestion"));

/** A question as a member sees it: the router's output, a CONFLICT's `current`, the packet's source. */
export const ZQuestionView = z.object({
  id: z.uuid(),
  text: z.string(),
  /** The suggestion it was added from; null for one's own question. */
  bankKey: z.string().nullable(),
  pinned: z.boolean(),
  position: zInt4(),
  opinionId: z.uuid().nullable(),
  askedAt: z.date().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  answeredByName: z.string().nullable(),
  authorName: z.string().nullable(),
  /** The text and the answer share it: saving either bumps it. */
  version: zInt4(),
  createdAt: z.date(),
});

export type QuestionView = z.infer<typeof ZQuestionView>;

/** One click from the suggested questions, once per submission. */
export const ZQuestionFromBank = z.object({ bankKey: zBankKey, ...ZSubmission });
