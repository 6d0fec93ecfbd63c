/**
 * Tasks between the people in a case (issue 17 §1): any member who can edit creates, edits, completes
 * and removes them; viewers read them. Suggested tasks are worked out from the case on every read
 * (server/tasks/suggestions.ts) and are offered until taken up or dismissed (docs/decisions/0036).
 */
import "server-only";
import { and, asc, desc, eq, gte, isNotNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { caseMembers, opinions, questions, records, taskSuggestionsClosed, tasks, users } from "@/db/schema";
import type { Db, Tx } from "@/db/client";
import { zVersion } from "@/lib/fields";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { messageRef, words } from "@/lib/i18n/message-ref";
import { ZTaskCreate, ZTaskFields, ZTaskOverview, ZTaskSuggestionView, ZTaskView, zSuggestionKey, type TTaskLink, type TaskView } from "@/lib/task";
import { type CaseContext, activeMember, visibleRecords } from "@/server/access";
import { recordActivity } from "@/server/activity";
import { fieldError, notFound } from "@/server/errors";
import { notifyAssigned, syncReminders } from "@/server/notifications/reminders";
import { translatorFor } from "@/server/i18n/translator";
import { createOnce } from "@/server/rows/create-once";
import { deleteVersioned, updateVersioned } from "@/server/rows/versioned";
import { currentSuggestions } from "@/server/tasks/suggestions";
import { caseProcedure, router } from "@/server/trpc";

const assignee = alias(users, "assignee");
const completer = alias(users, "completer");
const author = alias(users, "task_author");

type Viewer = Pick<CaseContext, "caseId" | "userId" | "role">;

/** Tasks with their people's names and what they are about; a private record's title only for those who may see it. */
function selectTasks(db: Db, viewer: Viewer) {
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      note: tasks.note,
      assigneeId: tasks.assigneeId,
      assigneeName: assignee.name,
      dueOn: tasks.dueOn,
      status: tasks.status,
      completedById: tasks.completedById,
      completedByName: completer.name,
      completedAt: tasks.completedAt,
      recordId: tasks.recordId,
      recordTitle: records.title,
      opinionId: tasks.opinionId,
      opinionLabel: opinions.label,
      questionId: tasks.questionId,
      questionText: questions.text,
      suggestion: tasks.suggestion,
      authorName: author.name,
      version: tasks.version,
      createdAt: tasks.createdAt,
      updatedAt: tasks.updatedAt,
    })
    .from(tasks)
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(completer, eq(completer.id, tasks.completedById))
    .leftJoin(author, eq(author.id, tasks.authorId))
    .leftJoin(records, and(eq(records.id, tasks.recordId), visibleRecords(viewer)))
    .leftJoin(opinions, eq(opinions.id, tasks.opinionId))
    .leftJoin(questions, eq(questions.id, tasks.questionId));
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>["where"]>>[number];

function toView({ recordId, recordTitle, opinionId, opinionLabel, questionId, questionText, ...row }: TaskRow): TaskView {
  const link = recordId
    ? { kind: "record" as const, id: recordId, label: recordTitle }
    : opinionId
      ? { kind: "opinion" as const, id: opinionId, label: opinionLabel }
      : questionId
        ? { kind: "question" as const, id: questionId, label: questionText }
        : null;
  return { ...row, link };
}

const GONE = messageRef("tasks.errors.gone");

async function currentTask(db: Db, ctx: Viewer, id: string): Promise<TaskView> {
  const [row] = await selectTasks(db, ctx).where(and(eq(tasks.id, id), eq(tasks.caseId, ctx.caseId)));
  if (!row) throw notFound(GONE);
  return toView(row);
}

/** Open tasks first, the soonest due first (undated after dated), then the done ones, latest first. */
const TASK_ORDER = [
  sql`case when ${tasks.status} = 'open' then 0 else 1 end`,
  sql`${tasks.dueOn} asc nulls last`,
  desc(tasks.completedAt),
  asc(tasks.createdAt),
];

/** The assignee must be a current member who can edit the case; null leaves the task to anyone. */
async function assertAssignee(tx: Tx, caseId: string, assigneeId: string | null) {
  if (!assigneeId) return;
  const [member] = await tx
    .select({ role: caseMembers.role })
    .from(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.userId, assigneeId), activeMember(), ne(caseMembers.role, "viewer")));
  if (!member) throw fieldError("assigneeId", messageRef("tasks.errors.assigneeCannotEdit"));
}

/** The linked item must be in this case and, for a record, one the person linking it may see. */
async function linkColumns(tx: Tx, ctx: Viewer, link: TTaskLink) {
  const columns = { recordId: null as string | null, opinionId: null as string | null, questionId: null as string | null };
  if (!link) return columns;
  const found =
    link.kind === "record"
      ? await tx.select({ id: records.id }).from(records).where(and(eq(records.id, link.id), visibleRecords(ctx)))
      : link.kind === "opinion"
        ? await tx.select({ id: opinions.id }).from(opinions).where(and(eq(opinions.id, link.id), eq(opinions.caseId, ctx.caseId)))
        : await tx.select({ id: questions.id }).from(questions).where(and(eq(questions.id, link.id), eq(questions.caseId, ctx.caseId)));
  if (found.length === 0) throw fieldError("link", messageRef("tasks.errors.linkGone"));
  return { ...columns, [`${link.kind}Id`]: link.id };
}

async function insertTask(
  tx: Tx,
  ctx: CaseContext,
  input: z.output<typeof ZTaskFields> & { submissionId?: string | undefined },
  suggestion: string | null,
): Promise<{ task: TaskView; created: boolean }> {
  await assertAssignee(tx, ctx.caseId, input.assigneeId);
  const row = await createOnce(
    tx,
    tasks,
    { caseId: ctx.caseId, userId: ctx.userId, submissionId: input.submissionId },
    {
      caseId: ctx.caseId,
      title: input.title,
      note: input.note,
      assigneeId: input.assigneeId,
      dueOn: input.dueOn,
      ...(await linkColumns(tx, ctx, input.link)),
      suggestion,
      authorId: ctx.userId,
    },
  );
  const created = await currentTask(tx, ctx, row.id);
  // A retried submission: the task, its activity entry and its reminders are already there.
  if (!row.created) return { task: created, created: false };
  await recordActivity(tx, {
    caseId: ctx.caseId,
    actorId: ctx.userId,
    action: "task.created",
    entityType: "task",
    entityId: created.id,
    summary: created.assigneeName
      ? messageRef("tasks.activity.addedFor", { title: created.title, name: created.assigneeName })
      : messageRef("tasks.activity.added", { title: created.title }),
  });
  return { task: created, created: true };
}

/**
 * After a task's transaction commits: its due-day reminders follow it (moved, withdrawn when done or
 * removed), and someone other than the person acting who was just given it hears of it (decision 0038).
 */
async function afterTaskChange(ctx: Viewer & { db: Db }, taskId: string, newlyAssignedTo: string | null = null): Promise<void> {
  await syncReminders(ctx.db, ctx.caseId, { kind: "task", id: taskId });
  if (newlyAssignedTo && newlyAssignedTo !== ctx.userId) await notifyAssigned(ctx.db, ctx.caseId, taskId);
}

export const taskRouter = router({
  list: caseProcedure("viewer")
    .output(z.array(ZTaskView))
    .query(async ({ ctx }) => (await selectTasks(ctx.db, ctx).where(eq(tasks.caseId, ctx.caseId)).orderBy(...TASK_ORDER)).map(toView)),

  /**
   * The overview's first screen: the reader's open tasks (the soonest due first, so overdue ones lead),
   * and what comes next in the case — the next visit and the next dated tasks of the others.
   */
  overview: caseProcedure("viewer")
    .output(ZTaskOverview)
    .query(async ({ ctx }) => {
      const [open, [visit]] = await Promise.all([
        selectTasks(ctx.db, ctx)
          .where(and(eq(tasks.caseId, ctx.caseId), eq(tasks.status, "open"), or(eq(tasks.assigneeId, ctx.userId), isNotNull(tasks.dueOn))))
          .orderBy(...TASK_ORDER)
          .limit(50),
        ctx.db
          .select({ opinionId: opinions.id, label: opinions.label, visitAt: opinions.visitAt })
          .from(opinions)
          // A visit stays "coming up" for the rest of its day.
          .where(and(eq(opinions.caseId, ctx.caseId), gte(opinions.visitAt, sql`now() - interval '12 hours'`)))
          .orderBy(asc(opinions.visitAt))
          .limit(1),
      ]);
      const views = open.map(toView);
      return {
        forYou: views.filter((t) => t.assigneeId === ctx.userId).slice(0, 10),
        comingUp: {
          visit: visit?.visitAt ? { opinionId: visit.opinionId, label: visit.label, visitAt: visit.visitAt } : null,
          tasks: views.filter((t) => t.assigneeId !== ctx.userId && t.dueOn !== null).slice(0, 3),
        },
      };
    }),

  create: caseProcedure("supporter")
    .input(ZTaskCreate)
    .output(ZTaskView)
    .mutation(async ({ ctx, input }) => {
      const { task, created } = await ctx.db.transaction((tx) => insertTask(tx, ctx, input, null));
      if (created) await afterTaskChange(ctx, task.id, task.assigneeId);
      return task;
    }),

  update: caseProcedure("supporter")
    .input(ZTaskFields.extend({ id: z.uuid(), version: zVersion() }))
    .output(ZTaskView)
    .mutation(async ({ ctx, input }) => {
      let assignedBefore: string | null = null;
      const updated = await ctx.db.transaction(async (tx) => {
        await assertAssignee(tx, ctx.caseId, input.assigneeId);
        assignedBefore = (await currentTask(tx, ctx, input.id)).assigneeId;
        await updateVersioned(
          tx,
          tasks,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { title: input.title, note: input.note, assigneeId: input.assigneeId, dueOn: input.dueOn, ...(await linkColumns(tx, ctx, input.link)) },
          { returning: { id: tasks.id }, view: ZTaskView, current: () => currentTask(tx, ctx, input.id) },
        );
        const after = await currentTask(tx, ctx, input.id);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "task.updated",
          entityType: "task",
          entityId: input.id,
          summary: messageRef("tasks.activity.edited", { title: after.title }),
        });
        return after;
      });
      await afterTaskChange(ctx, input.id, updated.assigneeId !== assignedBefore ? updated.assigneeId : null);
      return updated;
    }),

  /** Done or open again; who did it and when are recorded. Versioned, so a done task is not undone by a stale screen. */
  setDone: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), version: zVersion(), done: z.boolean() }))
    .output(ZTaskView)
    .mutation(async ({ ctx, input }) => {
      const changed = await ctx.db.transaction(async (tx) => {
        await updateVersioned(
          tx,
          tasks,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          input.done
            ? { status: "done", completedById: ctx.userId, completedAt: sql`now()` }
            : { status: "open", completedById: null, completedAt: null },
          { returning: { id: tasks.id }, view: ZTaskView, current: () => currentTask(tx, ctx, input.id) },
        );
        const after = await currentTask(tx, ctx, input.id);
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: input.done ? "task.completed" : "task.reopened",
          entityType: "task",
          entityId: input.id,
          summary: messageRef(input.done ? "tasks.activity.completed" : "tasks.activity.reopened", { title: after.title }),
        });
        return after;
      });
      await afterTaskChange(ctx, input.id);
      return changed;
    }),

  delete: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), version: zVersion() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const deleted = await ctx.db.transaction(async (tx) => {
        // Removed only at the version the person saw (a stale removal is a CONFLICT, a gone one NOT_FOUND).
        const before = await deleteVersioned(
          tx,
          tasks,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { returning: { title: tasks.title }, view: ZTaskView, current: () => currentTask(tx, ctx, input.id) },
        );
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "task.deleted",
          entityType: "task",
          entityId: input.id,
          summary: messageRef("tasks.activity.removed", { title: before.title }),
        });
        return { deleted: true as const };
      });
      await afterTaskChange(ctx, input.id);
      return deleted;
    }),

  /** What the case suggests now, for those who can act on it. */
  suggestions: caseProcedure("supporter")
    .output(z.array(ZTaskSuggestionView))
    .query(({ ctx }) => currentSuggestions(ctx.db, ctx, new Date())),

  /** One click: the suggestion becomes a task for anyone, in the words of the person who took it up. */
  createFromSuggestion: caseProcedure("supporter")
    .input(z.object({ key: zSuggestionKey }))
    .output(ZTaskView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const suggestion = await openSuggestion(tx, ctx, input.key);
        const t = translatorFor(isLocale(ctx.locale) ? ctx.locale : DEFAULT_LOCALE);
        const title = t(`tasks.suggestions.${suggestion.kind}.title`, { label: suggestion.label ?? "" });
        const { task } = await insertTask(tx, ctx, { title, note: "", assigneeId: null, dueOn: null, link: suggestion.link }, suggestion.key);
        await tx.insert(taskSuggestionsClosed).values({ caseId: ctx.caseId, key: suggestion.key, taskId: task.id, closedBy: ctx.userId });
        return task;
      }),
    ),

  dismissSuggestion: caseProcedure("supporter")
    .input(z.object({ key: zSuggestionKey }))
    .output(z.object({ dismissed: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const suggestion = await openSuggestion(tx, ctx, input.key);
        await tx.insert(taskSuggestionsClosed).values({ caseId: ctx.caseId, key: suggestion.key, closedBy: ctx.userId });
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "task.suggestion_dismissed",
          entityType: "task",
          entityId: null,
          summary: messageRef("tasks.activity.dismissed", { kind: words(`tasks.suggestions.${suggestion.kind}.short`) }),
        });
        return { dismissed: true as const };
      }),
    ),
});

/** The suggestion as the case offers it now; one already taken up, dismissed or no longer true is refused. */
async function openSuggestion(tx: Tx, ctx: CaseContext, key: string) {
  // Two people taking up the same suggestion at once: the second waits here, then finds it closed.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`task-suggestion:${ctx.caseId}`}))`);
  const suggestion = (await currentSuggestions(tx, ctx, new Date())).find((s) => s.key === key);
  if (!suggestion) throw fieldError("key", messageRef("tasks.errors.suggestionGone"));
  return suggestion;
}
