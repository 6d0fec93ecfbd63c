/** Tasks between the people in a case, and the suggested tasks already taken up or dismissed. */
import { date, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { TASK_STATUSES } from "@/lib/task";
import { users } from "./accounts";
import { authorColumn, caseIdColumn, timestamps, versionColumn } from "./columns";
import { opinions } from "./opinions";
import { questions } from "./questions";
import { records } from "./records";

export const taskStatus = pgEnum("task_status", TASK_STATUSES);

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: caseIdColumn(),
    title: text("title").notNull(),
    note: text("note").notNull().default(""),
    /** Null: anyone in the case who can edit. A deleted account leaves the task to anyone. */
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** A calendar day without a zone (docs/decisions/0036). */
    dueOn: date("due_on", { mode: "string" }),
    status: taskStatus("status").notNull().default("open"),
    completedById: uuid("completed_by").references(() => users.id, { onDelete: "set null" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    // At most one of the three is set; deleting the item keeps the task, unlinked.
    recordId: uuid("record_id").references(() => records.id, { onDelete: "set null" }),
    opinionId: uuid("opinion_id").references(() => opinions.id, { onDelete: "set null" }),
    questionId: uuid("question_id").references(() => questions.id, { onDelete: "set null" }),
    /** The suggestion key it was made from (lib/vocabulary/task.ts). */
    suggestion: text("suggestion"),
    authorId: authorColumn(),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("tasks_case_status_due_idx").on(t.caseId, t.status, t.dueOn)],
);

/** A suggestion turned into a task or dismissed: it is not offered again, even if that task is deleted. */
export const taskSuggestionsClosed = pgTable(
  "task_suggestions_closed",
  {
    caseId: caseIdColumn(),
    key: text("key").notNull(),
    /** Null when it was dismissed rather than taken up. */
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.key] })],
);

export type Task = typeof tasks.$inferSelect;
