/**
 * The daily email digest, on the job queue (decision 0038). For each person who chose the digest for
 * any kind of notification, per case: for "new", what others changed since the last one — only
 * entries they may see, counted per section ("3 changes in Questions"); for "visit", tomorrow's visits
 * (their time); for "due", their tasks due today or overdue and records requests unanswered for 10
 * days; for "assigned", the tasks given to them or changed by others. Counts and times only, never an
 * item's title or text, since an email carries nothing of a case beyond its title. Each person's digest is due at their own hour in their
 * own time zone. The digest tick (every 10 minutes, one instance at a time) claims who is due
 * (`for update skip locked`, then `last_digest_at = now`) and queues one digest job each; the job is
 * retried when the mail server refuses, so nobody gets two digests a day and none is lost.
 */
import "server-only";
import { and, asc, count, eq, exists, gt, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, caseMembers, cases, opinions, records, tasks, users } from "@/db/schema";
import { RECORD_CHASE_DAYS, type NotificationChannel, type NotificationKind } from "@/lib/notification";
import { activeMember, visibleActivity, visibleRecords } from "@/server/access";
import { config } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { digestMail, type DigestCase, type DigestComingUp } from "@/server/mail/templates";
import { CHANNEL_COLUMN } from "@/server/notifications/settings";
import { QUIET_ACTIONS, type ActivityEntity } from "@/lib/activity";
import type { CaseRole } from "@/lib/vocabulary/member";
import { CASE_SECTIONS, ENTITY_SECTION, type CaseSection } from "@/lib/vocabulary/live";
import { unsubscribeUrls } from "@/server/notifications/unsubscribe";
import { plannedJobId, type JobQueue } from "@/server/queue/queue";
import { logServerError } from "@/server/log";
import { addDays, latestZonedHour, zonedDay, zonedHour } from "@/lib/time-zone";

/**
 * The most recent `hour`:00 on `timeZone`'s clock at or before `now`: a person is due when their last
 * digest is older. Daylight-saving changes move it with the clock, as the person expects.
 */
export function digestSlot(now: Date, hour: number, timeZone = "UTC"): Date {
  return latestZonedHour(now, hour, timeZone);
}

/** What a digest job carries: whose digest, covering what happened after `since` up to `until`. */
export interface DigestJob {
  userId: string;
  since: string;
  until: string;
}

type Channels = Record<NotificationKind, NotificationChannel>;
type Reader = { userId: string; role: CaseRole; caseId: string };

/** How much others changed in one case between `since` and `until`, per section, counting only entries the reader may see. */
async function changesIn(db: Db, m: Reader, since: Date, until: Date): Promise<DigestCase["changes"]> {
  const rows = await db
    .select({ entityType: activity.entityType, changes: count() })
    .from(activity)
    .where(
      and(
        eq(activity.caseId, m.caseId),
        visibleActivity({ userId: m.userId, role: m.role }),
        or(isNull(activity.actorId), ne(activity.actorId, m.userId)),
        notInArray(activity.action, [...QUIET_ACTIONS]),
        gt(activity.createdAt, since),
        lte(activity.createdAt, until),
      ),
    )
    .groupBy(activity.entityType);
  const perSection = new Map<CaseSection, number>();
  for (const row of rows) {
    const section = ENTITY_SECTION[row.entityType as ActivityEntity] ?? "overview";
    perSection.set(section, (perSection.get(section) ?? 0) + row.changes);
  }
  return CASE_SECTIONS.filter((section) => perSection.has(section)).map((section) => ({ section, count: perSection.get(section)! }));
}

/**
 * What is coming up in one case for the reader, for the kinds they get in the digest: tomorrow's
 * visits (tomorrow on their clock), their tasks due today or overdue (today on their clock; a task
 * for anyone counts for those who can edit), records requests unanswered for RECORD_CHASE_DAYS that
 * they can chase and may see, and the tasks others gave them or changed since the last digest.
 */
async function comingUpIn(db: Db, m: Reader, channels: Channels, timeZone: string, since: Date, until: Date): Promise<DigestComingUp> {
  const caseUrl = `${config().appUrl}/cases/${m.caseId}`;
  const canAct = m.role !== "viewer";
  const today = zonedDay(until, timeZone);
  const forReader = or(eq(tasks.assigneeId, m.userId), isNull(tasks.assigneeId));
  const openTasks = and(eq(tasks.caseId, m.caseId), eq(tasks.status, "open"));
  const up: DigestComingUp = { visitsTomorrow: [], tasksDue: 0, tasksOverdue: 0, recordsWaiting: 0, tasksGiven: 0, tasksUrl: `${caseUrl}/tasks`, recordsUrl: `${caseUrl}/records` };

  if (channels.visit === "digest") {
    const tomorrow = addDays(today, 1);
    const visits = await db
      .select({ id: opinions.id, visitAt: opinions.visitAt })
      .from(opinions)
      .where(and(eq(opinions.caseId, m.caseId), gte(opinions.visitAt, zonedHour(tomorrow, 0, timeZone)), lt(opinions.visitAt, zonedHour(addDays(tomorrow, 1), 0, timeZone))))
      .orderBy(asc(opinions.visitAt));
    up.visitsTomorrow = visits.flatMap((v) => (v.visitAt ? [{ at: v.visitAt, packetUrl: `${caseUrl}/opinions/${v.id}/packet` }] : []));
  }
  if (channels.due === "digest" && canAct) {
    const [due] = await db
      .select({ today: count(sql`case when ${tasks.dueOn} = ${today}::date then 1 end`), overdue: count(sql`case when ${tasks.dueOn} < ${today}::date then 1 end`) })
      .from(tasks)
      .where(and(openTasks, forReader, lte(tasks.dueOn, today)));
    up.tasksDue = due?.today ?? 0;
    up.tasksOverdue = due?.overdue ?? 0;
    const [waiting] = await db
      .select({ n: count() })
      .from(records)
      .where(and(visibleRecords(m), eq(records.status, "requested"), lte(records.requestedAt, new Date(until.getTime() - RECORD_CHASE_DAYS * 24 * 60 * 60 * 1000))));
    up.recordsWaiting = waiting?.n ?? 0;
  }
  if (channels.assigned === "digest" && canAct) {
    const touchedByOthers = db
      .select({ one: sql`1` })
      .from(activity)
      .where(
        and(
          eq(activity.caseId, m.caseId),
          eq(activity.entityType, "task"),
          eq(activity.entityId, tasks.id),
          ne(activity.actorId, m.userId),
          gt(activity.createdAt, since),
          lte(activity.createdAt, until),
        ),
      );
    const [given] = await db.select({ n: count() }).from(tasks).where(and(openTasks, eq(tasks.assigneeId, m.userId), exists(touchedByOthers)));
    up.tasksGiven = given?.n ?? 0;
  }
  return up;
}

const hasComingUp = (up: DigestComingUp) => up.visitsTomorrow.length + up.tasksDue + up.tasksOverdue + up.recordsWaiting + up.tasksGiven > 0;

/** Each of this person's cases with something to say, in title order. */
async function digestFor(db: Db, userId: string, channels: Channels, timeZone: string, since: Date, until: Date): Promise<DigestCase[]> {
  const memberships = await db
    .select({ caseId: caseMembers.caseId, role: caseMembers.role, title: cases.title })
    .from(caseMembers)
    .innerJoin(cases, eq(cases.id, caseMembers.caseId))
    .where(and(eq(caseMembers.userId, userId), activeMember(until)))
    .orderBy(asc(cases.title));
  const result: DigestCase[] = [];
  for (const m of memberships) {
    const reader = { userId, role: m.role, caseId: m.caseId };
    const changes = channels.new === "digest" ? await changesIn(db, reader, since, until) : [];
    const comingUp = await comingUpIn(db, reader, channels, timeZone, since, until);
    if (changes.length === 0 && !hasComingUp(comingUp)) continue;
    result.push({ title: m.title, url: `${config().appUrl}/cases/${m.caseId}`, changes, comingUp });
  }
  return result;
}

/**
 * The digest tick: claims everyone whose digest is due at `now` and queues one digest job each. Safe
 * to run from several places at once: each person is claimed by one run. If queueing fails, the claim
 * is given back for the next tick.
 */
export async function queueDueDigests(db: Db, queue: JobQueue, now: Date = new Date()): Promise<{ queued: number }> {
  const fallbackHour = config().digestHour;
  const claimed = await db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: users.id, since: users.lastDigestAt, hour: users.digestHour, timeZone: users.timeZone })
      .from(users)
      .where(or(...Object.values(CHANNEL_COLUMN).map((column) => eq(column, "digest"))))
      .for("update", { skipLocked: true });
    const due = candidates.filter((u) => {
      const slot = digestSlot(now, u.hour ?? fallbackHour, u.timeZone ?? "UTC");
      return !u.since || u.since < slot;
    });
    if (due.length > 0) await tx.update(users).set({ lastDigestAt: now }).where(inArray(users.id, due.map((u) => u.id)));
    return due;
  });
  let queued = 0;
  for (const person of claimed) {
    const since = person.since ?? new Date(now.getTime() - 24 * 60 * 60 * 1000);
    const job: DigestJob = { userId: person.id, since: since.toISOString(), until: now.toISOString() };
    try {
      await queue.send("digest", job, { id: plannedJobId("digest", person.id, job.until) });
      queued += 1;
    } catch (error) {
      logServerError("digest.queue", error, { userId: person.id, note: "claim given back for the next tick" });
      await db.update(users).set({ lastDigestAt: person.since }).where(and(eq(users.id, person.id), eq(users.lastDigestAt, now)));
    }
  }
  return { queued };
}

/**
 * Runs one digest job: the mail, or nothing when nothing changed (or the person no longer wants it).
 * Throws when the mail server refuses, so the queue tries again later.
 */
export async function sendDigest(db: Db, mailer: Mailer, job: DigestJob): Promise<"sent" | "skipped"> {
  const [person] = await db
    .select({ name: users.name, email: users.email, locale: users.locale, timeZone: users.timeZone, ...CHANNEL_COLUMN })
    .from(users)
    .where(eq(users.id, job.userId));
  if (!person) return "skipped";
  const { name, email, locale, timeZone, ...channels } = person;
  const inDigest = (Object.keys(channels) as NotificationKind[]).filter((kind) => channels[kind] === "digest");
  if (inDigest.length === 0) return "skipped";
  const zone = timeZone ?? "UTC";
  const digestCases = await digestFor(db, job.userId, channels, zone, new Date(job.since), new Date(job.until));
  if (digestCases.length === 0) return "skipped"; // nothing new, nothing coming up: no email
  // The link stops what this digest is made of: the news alone (as before), or the whole digest.
  const unsubscribe = unsubscribeUrls(job.userId, inDigest.length === 1 && inDigest[0] === "new" ? "new" : "digest");
  await mailer.send(digestMail({ locale, to: email, name, timeZone: zone, cases: digestCases, unsubscribe }));
  return "sent";
}
