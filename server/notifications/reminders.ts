/**
 * Reminders by email (issue 17 §3): a visit the day before and 2 hours before; a record request with
 * no answer after 10 days; a task on its due day, at the person's digest hour on their own clock; and
 * a task given to someone, at once ("assigned to me"). Each is one job per member on the queue (server/queue), with an id made
 * from what it is about, so planning is idempotent and a change withdraws the old jobs by id.
 *
 * The seam for a new kind of item (tasks): add a planner to PLANNERS — which notification kind it is,
 * its slots, and `plan` (who gets which reminder when, or null when none is due) and `mail` — then
 * call `syncReminders` after the item changes. Nothing else changes.
 *
 * When a job runs, the item is planned again and the reminder is sent only if it is still exactly the
 * one planned (same visit time, still unanswered, the member still in the case and still wanting it
 * by email): a withdrawal that failed, or a change of settings, can never send a stale reminder.
 */
import "server-only";
import { and, count, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseMembers, cases, opinions, questions, records, tasks, users } from "@/db/schema";
import { RECORD_CHASE_DAYS, type NotificationKind } from "@/lib/notification";
import type { Locale } from "@/lib/i18n/locales";
import { activeMember } from "@/server/access";
import { config } from "@/server/env";
import type { MailMessage, Mailer } from "@/server/mail";
import { recordChaseMail, taskAssignedMail, taskDueMail, visitReminderMail } from "@/server/mail/templates";
import { zonedHour } from "@/lib/time-zone";
import { plannedJobId, queueOf } from "@/server/queue/queue";
import { logServerError } from "@/server/log";
import { CHANNEL_COLUMN } from "./settings";
import { unsubscribeUrls } from "./unsubscribe";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type ReminderSubject =
  | { kind: "visit"; id: string }
  | { kind: "record"; id: string }
  | { kind: "task"; id: string }
  | { kind: "task-assigned"; id: string };
type SubjectKind = ReminderSubject["kind"];

/** What a reminder job carries: which reminder, for whom, and the item's state when it was planned. */
export interface ReminderJob {
  subject: ReminderSubject;
  caseId: string;
  slot: string;
  userId: string;
  /** The planned item's state ("visit at …", "requested at …"): a different one at send time means the plan is stale. */
  stamp: string;
}

interface Plan {
  stamp: string;
  caseId: string;
  caseTitle: string;
  recipients: string[];
  /** When each reminder goes: one moment for everyone, or each recipient's own (a day-granular item, at their hour in their zone). */
  slots: { slot: string; sendAt: Date | ((userId: string) => Date) }[];
}

interface Recipient {
  name: string;
  email: string;
  locale: Locale;
  timeZone: string;
}

interface Planner {
  notification: NotificationKind;
  slots: readonly string[];
  /** The items of this kind in a case that may have reminders queued (to withdraw a leaving member's). */
  inCase(db: Db, caseId: string): Promise<string[]>;
  /** The items whose recipients change for others when this member goes (planned again after they leave). */
  heldBy?(db: Db, caseId: string, userId: string): Promise<string[]>;
  plan(db: Db, id: string): Promise<Plan | null>;
  mail(db: Db, job: ReminderJob, plan: Plan, to: Recipient): Promise<MailMessage>;
}

async function activeMemberIds(db: Db, caseId: string, where?: ReturnType<typeof and>): Promise<string[]> {
  const rows = await db
    .select({ userId: caseMembers.userId })
    .from(caseMembers)
    .where(and(eq(caseMembers.caseId, caseId), activeMember(), where));
  return rows.map((r) => r.userId);
}

const visitPlanner: Planner = {
  notification: "visit",
  slots: ["day-before", "hours-before"],
  async inCase(db, caseId) {
    const rows = await db.select({ id: opinions.id }).from(opinions).where(and(eq(opinions.caseId, caseId), isNotNull(opinions.visitAt)));
    return rows.map((r) => r.id);
  },
  async plan(db, id) {
    const [row] = await db
      .select({ caseId: opinions.caseId, visitAt: opinions.visitAt, caseTitle: cases.title })
      .from(opinions)
      .innerJoin(cases, eq(cases.id, opinions.caseId))
      .where(eq(opinions.id, id));
    if (!row?.visitAt) return null;
    const at = row.visitAt.getTime();
    return {
      stamp: row.visitAt.toISOString(),
      caseId: row.caseId,
      caseTitle: row.caseTitle,
      // Everyone in the case sees its opinions, viewers included.
      recipients: await activeMemberIds(db, row.caseId),
      slots: [
        { slot: "day-before", sendAt: new Date(at - DAY) },
        { slot: "hours-before", sendAt: new Date(at - 2 * HOUR) },
      ],
    };
  },
  async mail(db, job, plan, to) {
    // How many questions are ready for this visit: a count, never their words (docs/SECURITY.md).
    const [ready] = await db
      .select({ n: count() })
      .from(questions)
      .where(and(eq(questions.caseId, plan.caseId), or(eq(questions.opinionId, job.subject.id), eq(questions.pinned, true))));
    const caseUrl = `${config().appUrl}/cases/${plan.caseId}`;
    return visitReminderMail({
      ...to,
      soon: job.slot === "hours-before",
      visitAt: new Date(plan.stamp),
      caseTitle: plan.caseTitle,
      packetUrl: `${caseUrl}/opinions/${job.subject.id}/packet`,
      questionsUrl: `${caseUrl}/questions`,
      questions: ready?.n ?? 0,
      unsubscribe: unsubscribeUrls(job.userId, "visit"),
    });
  },
};

const recordPlanner: Planner = {
  notification: "due",
  slots: ["chase"],
  async inCase(db, caseId) {
    const rows = await db.select({ id: records.id }).from(records).where(and(eq(records.caseId, caseId), eq(records.status, "requested")));
    return rows.map((r) => r.id);
  },
  async plan(db, id) {
    const [row] = await db
      .select({ caseId: records.caseId, status: records.status, requestedAt: records.requestedAt, private: records.private, authorId: records.authorId, caseTitle: cases.title })
      .from(records)
      .innerJoin(cases, eq(cases.id, records.caseId))
      .where(eq(records.id, id));
    if (!row || row.status !== "requested" || !row.requestedAt) return null;
    // Those who can chase it (owner and supporters) and may see it (a private record: its author and the owner).
    const canAct = inArray(caseMembers.role, ["owner", "supporter"]);
    const maySee = row.private ? or(eq(caseMembers.role, "owner"), row.authorId ? eq(caseMembers.userId, row.authorId) : undefined) : undefined;
    return {
      stamp: row.requestedAt.toISOString(),
      caseId: row.caseId,
      caseTitle: row.caseTitle,
      recipients: await activeMemberIds(db, row.caseId, and(canAct, maySee)),
      slots: [{ slot: "chase", sendAt: new Date(row.requestedAt.getTime() + RECORD_CHASE_DAYS * DAY) }],
    };
  },
  async mail(_db, job, plan, to) {
    return recordChaseMail({
      ...to,
      days: RECORD_CHASE_DAYS,
      caseTitle: plan.caseTitle,
      recordsUrl: `${config().appUrl}/cases/${plan.caseId}/records`,
      unsubscribe: unsubscribeUrls(job.userId, "due"),
    });
  },
};

/** Owners and supporters: those who can act on a task (viewers read tasks, they do not do them). */
const canEdit = () => inArray(caseMembers.role, ["owner", "supporter"]);

/**
 * A task and who it is for now: its assignee while they are a current member who can edit, otherwise
 * (nobody named, or the assignee left) everyone who can edit — the rule of decision 0036 for a
 * deleted account, applied to reminders.
 */
async function openTask(db: Db, id: string) {
  const [row] = await db
    .select({ caseId: tasks.caseId, status: tasks.status, dueOn: tasks.dueOn, assigneeId: tasks.assigneeId, caseTitle: cases.title })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(eq(tasks.id, id));
  if (!row || row.status !== "open") return null;
  const editors = await activeMemberIds(db, row.caseId, canEdit());
  const assignee = row.assigneeId && editors.includes(row.assigneeId) ? row.assigneeId : null;
  return { ...row, assignee, recipients: assignee ? [assignee] : editors };
}

const taskUrl = (caseId: string, taskId: string) => `${config().appUrl}/cases/${caseId}/tasks#task-${taskId}`;

/** A task on its due day, at each recipient's digest hour on their own clock (a task's due date is a calendar day, decision 0036). */
const taskPlanner: Planner = {
  notification: "due",
  slots: ["due-day"],
  async inCase(db, caseId) {
    const rows = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, "open"), isNotNull(tasks.dueOn)));
    return rows.map((r) => r.id);
  },
  async heldBy(db, caseId, userId) {
    const rows = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.caseId, caseId), eq(tasks.status, "open"), isNotNull(tasks.dueOn), eq(tasks.assigneeId, userId)));
    return rows.map((r) => r.id);
  },
  async plan(db, id) {
    const task = await openTask(db, id);
    if (!task?.dueOn) return null;
    const dueOn = task.dueOn;
    const clocks = task.recipients.length
      ? await db.select({ id: users.id, hour: users.digestHour, timeZone: users.timeZone }).from(users).where(inArray(users.id, task.recipients))
      : [];
    const hourOf = new Map(clocks.map((c) => [c.id, zonedHour(dueOn, c.hour ?? config().digestHour, c.timeZone ?? "UTC")]));
    return {
      stamp: `${dueOn}|${task.assignee ?? "anyone"}`,
      caseId: task.caseId,
      caseTitle: task.caseTitle,
      recipients: task.recipients,
      slots: [{ slot: "due-day", sendAt: (userId) => hourOf.get(userId) ?? zonedHour(dueOn, config().digestHour, "UTC") }],
    };
  },
  async mail(_db, job, plan, to) {
    return taskDueMail({
      ...to,
      caseTitle: plan.caseTitle,
      forYou: !plan.stamp.endsWith("|anyone"),
      taskUrl: taskUrl(plan.caseId, job.subject.id),
      unsubscribe: unsubscribeUrls(job.userId, "due"),
    });
  },
};

/**
 * "Assigned to me": the person a task is given to hears of it at once (their setting permitting). Not
 * planned ahead — `notifyAssigned` queues it when the task is given to someone other than the person
 * acting — but checked again when sent, like every reminder: still open, still theirs.
 */
const taskAssignedPlanner: Planner = {
  notification: "assigned",
  slots: ["assigned"],
  async inCase(db, caseId) {
    const rows = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, "open"), isNotNull(tasks.assigneeId)));
    return rows.map((r) => r.id);
  },
  async plan(db, id) {
    const task = await openTask(db, id);
    if (!task?.assignee) return null;
    return { stamp: task.assignee, caseId: task.caseId, caseTitle: task.caseTitle, recipients: [task.assignee], slots: [] };
  },
  async mail(db, job, plan, to) {
    const [task] = await db.select({ dueOn: tasks.dueOn }).from(tasks).where(eq(tasks.id, job.subject.id));
    return taskAssignedMail({
      ...to,
      caseTitle: plan.caseTitle,
      dueOn: task?.dueOn ?? null,
      taskUrl: taskUrl(plan.caseId, job.subject.id),
      unsubscribe: unsubscribeUrls(job.userId, "assigned"),
    });
  },
};

const PLANNERS: Record<SubjectKind, Planner> = { visit: visitPlanner, record: recordPlanner, task: taskPlanner, "task-assigned": taskAssignedPlanner };

const jobIdOf = (subject: ReminderSubject, slot: string, userId: string) => plannedJobId("reminder", subject.kind, subject.id, slot, userId);

async function memberIdsEver(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.select({ userId: caseMembers.userId }).from(caseMembers).where(eq(caseMembers.caseId, caseId));
  return rows.map((r) => r.userId);
}

/**
 * Brings the queued reminders of one item in line with it: withdraws what was queued for it, then
 * queues each reminder still ahead of `now`. Call it after the item's transaction commits (created,
 * changed, deleted — `caseId` is needed for a deleted one). Without a queue (a bare test database) it
 * does nothing. A failure is logged, never thrown: the change itself is saved.
 */
export async function syncReminders(db: Db, caseId: string, subject: ReminderSubject, now: Date = new Date()): Promise<void> {
  const queue = queueOf(db);
  if (!queue) return;
  const planner = PLANNERS[subject.kind];
  try {
    const everyone = await memberIdsEver(db, caseId);
    await queue.remove("reminder", everyone.flatMap((userId) => planner.slots.map((slot) => jobIdOf(subject, slot, userId))));
    const plan = await planner.plan(db, subject.id);
    if (!plan) return;
    for (const { slot, sendAt } of plan.slots) {
      for (const userId of plan.recipients) {
        const at = typeof sendAt === "function" ? sendAt(userId) : sendAt;
        if (at <= now) continue; // its moment has passed: a late "tomorrow" would be wrong
        const job: ReminderJob = { subject, caseId: plan.caseId, slot, userId, stamp: plan.stamp };
        await queue.send("reminder", job, { id: jobIdOf(subject, slot, userId), startAfter: at });
      }
    }
  } catch (error) {
    logServerError("reminders.sync", error, { caseId, note: "checked again when each reminder is due" });
  }
}

/**
 * "Assigned to me", at once: queues the notice to the task's assignee. Call it after the task's
 * transaction commits, only when the task was just given to someone other than the person acting.
 * Their setting for the kind is read when it is sent (the digest lists it instead; off: nothing).
 */
export async function notifyAssigned(db: Db, caseId: string, taskId: string): Promise<void> {
  const queue = queueOf(db);
  if (!queue) return;
  const subject: ReminderSubject = { kind: "task-assigned", id: taskId };
  try {
    const plan = await taskAssignedPlanner.plan(db, taskId);
    if (!plan) return;
    for (const userId of plan.recipients) {
      const id = jobIdOf(subject, "assigned", userId);
      await queue.remove("reminder", [id]); // given back and given again: a new notice
      const job: ReminderJob = { subject, caseId: plan.caseId, slot: "assigned", userId, stamp: plan.stamp };
      await queue.send("reminder", job, { id });
    }
  } catch (error) {
    logServerError("reminders.assigned", error, { caseId, note: "the task is saved; the notice was not queued" });
  }
}

/**
 * Withdraws every reminder a member has queued in a case (they left, or were removed), and plans
 * again what they held for others: a task assigned to them is now for anyone who can edit.
 */
export async function cancelMemberReminders(db: Db, caseId: string, userId: string): Promise<void> {
  const queue = queueOf(db);
  if (!queue) return;
  try {
    const ids: string[] = [];
    for (const [kind, planner] of Object.entries(PLANNERS) as [SubjectKind, Planner][]) {
      for (const id of await planner.inCase(db, caseId)) ids.push(...planner.slots.map((slot) => jobIdOf({ kind, id }, slot, userId)));
    }
    await queue.remove("reminder", ids);
    for (const [kind, planner] of Object.entries(PLANNERS) as [SubjectKind, Planner][]) {
      for (const id of (await planner.heldBy?.(db, caseId, userId)) ?? []) await syncReminders(db, caseId, { kind, id } as ReminderSubject);
    }
  } catch (error) {
    logServerError("reminders.cancel", error, { caseId, note: "checked again when each reminder is due" });
  }
}

/**
 * Runs one reminder job: sends it if it is still due as planned, to someone who wants it by email.
 * Throws when the mail server refuses, so the queue tries again later. "skipped" when it no longer applies.
 */
export async function sendReminder(db: Db, mailer: Mailer, job: ReminderJob): Promise<"sent" | "skipped"> {
  const planner = PLANNERS[job.subject.kind];
  const plan = await planner.plan(db, job.subject.id);
  if (!plan || plan.stamp !== job.stamp || !plan.recipients.includes(job.userId)) return "skipped";
  const [person] = await db
    .select({ name: users.name, email: users.email, locale: users.locale, timeZone: users.timeZone, channel: CHANNEL_COLUMN[planner.notification] })
    .from(users)
    .where(eq(users.id, job.userId));
  if (!person || person.channel !== "now") return "skipped";
  await mailer.send(await planner.mail(db, job, plan, { ...person, timeZone: person.timeZone ?? "UTC" }));
  return "sent";
}
