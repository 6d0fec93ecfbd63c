/**
 * Dated tasks as calendar events: an all-day event on the due day, for the task's own download and for
 * the private feed. Like a visit's, an event says little on purpose (SECURITY.md): the case's title,
 * who the task is for, and a link into SecondLook — not the task's title or note, which may name
 * something about the person's health.
 */
import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { cases, tasks, users } from "@/db/schema";
import type { AnyLocale } from "@/lib/i18n/locales";
import { config } from "@/server/env";
import { translatorFor } from "@/server/i18n/translator";
import type { FeedSource } from "./feed-source";
import type { CalendarEvent } from "./ics";

const assignee = alias(users, "task_assignee");

const taskColumns = {
  id: tasks.id,
  caseId: tasks.caseId,
  caseTitle: cases.title,
  dueOn: tasks.dueOn,
  assigneeId: tasks.assigneeId,
  assigneeName: assignee.name,
  version: tasks.version,
  updatedAt: tasks.updatedAt,
};

type TaskRow = { id: string; caseId: string; caseTitle: string; dueOn: string; assigneeId: string | null; assigneeName: string | null; version: number; updatedAt: Date };

/** The event for one dated task, for `readerId` in their language. */
export function taskEvent(task: TaskRow, readerId: string, locale: AnyLocale): CalendarEvent {
  const t = translatorFor(locale);
  const url = `${config().appUrl}/cases/${task.caseId}/tasks#task-${task.id}`;
  const who = task.assigneeId === null ? t("tasks.calendar.forAnyone") : task.assigneeId === readerId ? t("tasks.calendar.forYou") : t("tasks.calendar.for", { name: task.assigneeName ?? "" });
  return {
    uid: `task-${task.id}@secondlook`,
    day: task.dueOn,
    title: t("tasks.calendar.summary", { title: task.caseTitle }),
    location: "",
    description: [who, t("tasks.calendar.openInApp", { url })].join("\n"),
    url,
    sequence: task.version,
    updatedAt: task.updatedAt,
  };
}

const selectTasks = (db: Db) =>
  db.select(taskColumns).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).leftJoin(assignee, eq(assignee.id, tasks.assigneeId));

/** One task of case `caseId` as an event, or null when it has no due date (or is not in that case). */
export async function findTaskEvent(db: Db, caseId: string, taskId: string, readerId: string, locale: AnyLocale): Promise<CalendarEvent | null> {
  const [row] = await selectTasks(db).where(and(eq(tasks.id, taskId), eq(tasks.caseId, caseId)));
  return row?.dueOn ? taskEvent({ ...row, dueOn: row.dueOn }, readerId, locale) : null;
}

/**
 * The feed's source for tasks: the open, dated tasks of the reader's open cases. Every member of a
 * case sees its tasks (decision 0036), so the case list is the whole visibility rule; a task done
 * leaves the feed at the next refresh.
 */
export const taskEvents: FeedSource = async (db, reader) => {
  const caseIds = reader.cases.map((c) => c.caseId);
  if (caseIds.length === 0) return [];
  const rows = await selectTasks(db)
    .where(and(inArray(tasks.caseId, caseIds), eq(tasks.status, "open"), isNotNull(tasks.dueOn)))
    .orderBy(asc(tasks.dueOn));
  return rows.flatMap((row) => (row.dueOn ? [taskEvent({ ...row, dueOn: row.dueOn }, reader.userId, reader.locale)] : []));
};
