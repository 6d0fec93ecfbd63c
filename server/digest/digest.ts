/**
 * The daily email digest: for each member who opted in, what others changed in their cases since
 * the last digest — only entries they may see, counted per section ("3 changes in Questions"):
 * never an item's title or text, since an email carries nothing of a case beyond its title. Sending claims the due
 * people first (`for update skip locked`, then `last_digest_at = now`), so several app instances
 * and a cron run never send one person two digests. Unsubscribing needs no sign-in: the link
 * carries an HMAC of the user id under AUTH_SECRET.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, count, eq, gt, inArray, isNull, lt, lte, ne, notInArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, caseMembers, cases, users } from "@/db/schema";
import { activeMember, visibleActivity } from "@/server/access";
import { config, resolveAuthSecret } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { digestMail, type DigestCase } from "@/server/mail/templates";
import { QUIET_ACTIONS, type ActivityEntity } from "@/lib/activity";
import { CASE_SECTIONS, ENTITY_SECTION, type CaseSection } from "@/lib/vocabulary/live";
import { logServerError } from "@/server/log";

/** The most recent digest hour (UTC) at or before `now`: a person is due when their last digest is older. */
export function digestSlot(now: Date, hour: number): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (slot > now) slot.setUTCDate(slot.getUTCDate() - 1);
  return slot;
}

function sign(userId: string): string {
  return createHmac("sha256", resolveAuthSecret(config())).update(`digest-unsubscribe:${userId}`).digest("base64url");
}

export function unsubscribeUrls(userId: string) {
  const query = `u=${encodeURIComponent(userId)}&t=${sign(userId)}`;
  return { page: `${config().appUrl}/unsubscribe?${query}`, oneClick: `${config().appUrl}/api/digest/unsubscribe?${query}` };
}

/** Turns the digest off for the user the link was made for; false when the link is not genuine. */
export async function unsubscribeByLink(db: Db, userId: string, token: string): Promise<boolean> {
  const expected = Buffer.from(sign(userId));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return false;
  await db.update(users).set({ digestOptIn: false }).where(eq(users.id, userId));
  return true;
}

/** Opting in starts the clock: the first digest covers what happens from now on. */
export async function setDigestOptIn(db: Db, userId: string, optIn: boolean): Promise<void> {
  await db
    .update(users)
    .set(optIn ? { digestOptIn: true, lastDigestAt: new Date() } : { digestOptIn: false })
    .where(and(eq(users.id, userId), optIn ? eq(users.digestOptIn, false) : undefined));
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
 * Sends every digest that is due at `now`. Safe to run from several processes at once: each
 * person is claimed by exactly one run. A failed send gives the claim back for the next run.
 */
export async function sendDueDigests(db: Db, mailer: Mailer, now: Date = new Date()): Promise<{ claimed: number; sent: number }> {
  const slot = digestSlot(now, config().digestHour);
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, since: users.lastDigestAt })
      .from(users)
      .where(and(eq(users.digestOptIn, true), lt(users.lastDigestAt, slot)))
      .for("update", { skipLocked: true });
    if (due.length > 0) await tx.update(users).set({ lastDigestAt: now }).where(inArray(users.id, due.map((u) => u.id)));
    return due;
  });
  let sent = 0;
  for (const person of claimed) {
    const since = person.since ?? slot;
    try {
      const digestCases = await digestFor(db, person.id, since, now);
      if (digestCases.length === 0) continue; // nothing new: no email
      const links = unsubscribeUrls(person.id);
      await mailer.send(
        digestMail({ locale: person.locale, to: person.email, name: person.name, cases: digestCases, unsubscribeUrl: links.page, oneClickUrl: links.oneClick }),
      );
      sent += 1;
    } catch (error) {
      logServerError("digest.send", error, { userId: person.id, note: "it will be tried again" });
      await db
        .update(users)
        .set({ lastDigestAt: since })
        .where(and(eq(users.id, person.id), eq(users.lastDigestAt, now)));
    }
  }
  return { claimed: claimed.length, sent };
}
