/** Tasks between the people in a case: who does what, by when, about what (issue 17 §1). */
import { z } from "zod";
import { ZSubmission, zCalendarDate, zInt4, zText } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { TASK_LINK_KINDS, TASK_STATUSES, TASK_SUGGESTION_KINDS } from "./vocabulary/task";
export * from "./vocabulary/task";

/** What a task is about; null for nothing in particular. */
export const ZTaskLink = z.object({ kind: z.enum(TASK_LINK_KINDS), id: z.uuid(messageRef("tasks.validation.chooseLink")) }).nullable();

export type TTaskLink = z.infer<typeof ZTaskLink>;

export const ZTaskFields = z.object({
  title: zText(200, { required: messageRef("tasks.validation.titleRequired") }),
  note: zText(2000),
  /** A member who can edit the case; null means anyone who can. */
  assigneeId: z.uuid(messageRef("tasks.validation.chooseAssignee")).nullable(),
  /** A calendar day, with no time or zone: due "on Tuesday" wherever its reader is. */
  dueOn: zCalendarDate(messageRef("tasks.validation.dueOnInvalid")).nullable(),
  link: ZTaskLink,
});

export type TTaskFields = z.input<typeof ZTaskFields>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZTaskCreate = ZTaskFields.extend(ZSubmission);

/** A task as a member sees it: the router's output, a CONFLICT's `current`, the export's source. */
export const ZTaskView = z.object({
  id: z.uuid(),
  title: z.string(),
  note: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  completedById: z.uuid().nullable(),
  completedByName: z.string().nullable(),
  completedAt: z.date().nullable(),
  /** `label` is null when the reader may not see the linked item (a private record) or it is gone. */
  link: z.object({ kind: z.enum(TASK_LINK_KINDS), id: z.uuid(), label: z.string().nullable() }).nullable(),
  /** The suggestion it was made from, if any. */
  suggestion: z.string().nullable(),
  authorName: z.string().nullable(),
  version: zInt4(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type TaskView = z.infer<typeof ZTaskView>;

/** A task the case suggests now; `label` names what it is about (a record's title, an opinion's label). */
export const ZTaskSuggestionView = z.object({
  key: z.string(),
  kind: z.enum(TASK_SUGGESTION_KINDS),
  label: z.string().nullable(),
  link: ZTaskLink,
});

export type TaskSuggestionView = z.infer<typeof ZTaskSuggestionView>;

export const zSuggestionKey = z.string().min(1).max(100);

/** The overview's first screen: what is the reader's to do, and what comes next in the case. */
export const ZTaskOverview = z.object({
  forYou: z.array(ZTaskView),
  comingUp: z.object({
    visit: z.object({ opinionId: z.uuid(), label: z.string(), visitAt: z.date() }).nullable(),
    tasks: z.array(ZTaskView),
  }),
});

export type TaskOverview = z.infer<typeof ZTaskOverview>;
