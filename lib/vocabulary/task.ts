/** The task vocabulary the browser loads at once, without zod; `lib/task.ts` (the contract) re-exports it. */
import type { ChecklistItemKey } from "./checklist";

export const TASK_STATUSES = ["open", "done"] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What a task can be about: one record, one opinion (its visit) or one question, or nothing. */
export const TASK_LINK_KINDS = ["record", "opinion", "question"] as const;

export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

/**
 * Tasks the case suggests where they arise (docs/decisions/0036). Their words are in the catalogue
 * (`tasks.suggestions.<kind>`); each suggestion's key is `<kind>:<id of what it is about>`, or the kind
 * alone for one per case, so one turned into a task or dismissed is never offered again.
 */
export const TASK_SUGGESTION_KINDS = ["request_records", "chase_request", "book_visit", "call_insurer", "tell_doctor"] as const;

export type TaskSuggestionKind = (typeof TASK_SUGGESTION_KINDS)[number];

/** A request with no records received this many days after it was made is worth chasing. */
export const CHASE_AFTER_DAYS = 10;

/** The checklist items whose work a suggested task is: the checklist links to the suggestions. */
export const CHECKLIST_SUGGESTIONS: Partial<Record<ChecklistItemKey, TaskSuggestionKind>> = {
  insurance_checked: "call_insurer",
  records_requested: "request_records",
  records_received: "chase_request",
  second_opinion_recorded: "book_visit",
  follow_up_original: "tell_doctor",
};

export const suggestionKey = (kind: TaskSuggestionKind, aboutId: string | null): string => (aboutId ? `${kind}:${aboutId}` : kind);

/** Today as YYYY-MM-DD in the reader's time zone (the browser's, or UTC on the server). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A task is overdue once its due day has passed where its reader is; a day is "YYYY-MM-DD", so text order is date order. */
export const isOverdue = (task: { status: TaskStatus; dueOn: string | null }, today: string): boolean =>
  task.status === "open" && task.dueOn !== null && task.dueOn < today;
