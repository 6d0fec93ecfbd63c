/** Questions: the suggested question bank, priorities, and the question inputs. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { zOpinionRef } from "./opinion";
import { QUESTION_BANK_KEYS, QUESTION_GROUPS } from "./vocabulary/question";
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

export const zQuestionGroup = z.enum(QUESTION_GROUPS);

/**
 * The questions page's list in numbers, for the groups it has not sent (a long list's folded ones):
 * each group's count under the page's visit filter; the whole list's size and priorities; and the
 * suggestions already added (they are offered no more).
 */
export const ZQuestionSummary = z.object({
  counts: z.record(zQuestionGroup, zInt4()),
  total: zInt4(),
  pinned: zInt4(),
  bankKeys: z.array(z.string()),
});

export type QuestionSummary = z.infer<typeof ZQuestionSummary>;

/** A visit filter: undefined for every question, null for those tied to no visit, or one opinion's id. */
export const zVisitFilter = z.uuid().nullable().optional();
