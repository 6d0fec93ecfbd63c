/**
 * The daily email digest, on the job queue (decision 0038): for each person who chose the digest for
 * the news of their cases, what others changed since the last one — only entries they may see,
 * counted per section ("3 changes in Questions"): never an item's title or text, since an email
 * carries nothing of a case beyond its title. Each person's digest is due at their own hour in their
 * own time zone. The digest tick (every 10 minutes, one instance at a time) claims who is due
 * (`for update skip locked`, then `last_digest_at = now`) and queues one digest job each; the job is
 * retried when the mail server refuses, so nobody gets two digests a day and none is lost.
 */
import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, lte, ne, notInArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, caseMembers, cases, users } from "@/db/schema";
import { activeMember, visibleActivity } from "@/server/access";
import { config } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { digestMail, type DigestCase } from "@/server/mail/templates";
import { QUIET_ACTIONS, type ActivityEntity } from "@/lib/activity";
import { CASE_SECTIONS, ENTITY_SECTION, type CaseSection } from "@/lib/vocabulary/live";
import { unsubscribeUrls } from "@/server/notifications/unsubscribe";
import { plannedJobId, type JobQueue } from "@/server/queue/queue";
import { logServerError } from "@/server/log";
import { latestZonedHour } from "@/lib/time-zone";

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

/**
 * How much others changed in this person's cases between `since` and `until`, per case and section,
 * counting only entries they may see. Counts and section names only: an entry's summary names the
 * item ("Added the medication …"), and an email carries nothing of a case beyond its title.
 */
async function digestFor(db: Db, userId: string, since: Date, until: Date): Promise<DigestCase[]> {
  const memberships = await db
    .select({ caseId: caseMembers.caseId, role: caseMembers.role, title: cases.title })
    .from(caseMembers)
    .innerJoin(cases, eq(cases.id, caseMembers.caseId))
    .where(
      and(eq(caseMembers.userId, userId), activeMember(until)),
    )
    .orderBy(asc(cases.title));
  const result: DigestCase[] = [];
  for (const m of memberships) {
    const rows = await db
      .select({ entityType: activity.entityType, changes: count() })
      .from(activity)
      .where(
        and(
          eq(activity.caseId, m.caseId),
          visibleActivity({ userId, role: m.role }),
          or(isNull(activity.actorId), ne(activity.actorId, userId)),
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
    if (perSection.size === 0) continue;
    const changes = CASE_SECTIONS.filter((section) => perSection.has(section)).map((section) => ({
      section,
      count: perSection.get(section)!,
    }));
    result.push({ title: m.title, url: `${config().appUrl}/cases/${m.caseId}`, changes });
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
      .where(eq(users.notifyNew, "digest"))
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
    .select({ name: users.name, email: users.email, locale: users.locale, channel: users.notifyNew })
    .from(users)
    .where(eq(users.id, job.userId));
  if (!person || person.channel !== "digest") return "skipped";
  const digestCases = await digestFor(db, job.userId, new Date(job.since), new Date(job.until));
  if (digestCases.length === 0) return "skipped"; // nothing new: no email
  await mailer.send(digestMail({ locale: person.locale, to: person.email, name: person.name, cases: digestCases, unsubscribe: unsubscribeUrls(job.userId, "new") }));
  return "sent";
}
