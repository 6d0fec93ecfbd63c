/**
 * The daily email digest: for each member who opted in, what others changed in their cases since
 * the last digest — only entries they may see, as the log's short summaries. Sending claims the due
 * people first (`for update skip locked`, then `last_digest_at = now`), so several app instances
 * and a cron run never send one person two digests. Unsubscribing needs no sign-in: the link
 * carries an HMAC of the user id under AUTH_SECRET.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, notInArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, caseMembers, cases, users } from "@/db/schema";
import { activeMember, visibleActivity } from "@/server/access";
import { config, resolveAuthSecret } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { digestMail, type DigestCase } from "@/server/mail/templates";
import { QUIET_ACTIONS } from "@/lib/activity";
import { logServerError } from "@/server/log-error";

/** Lines per case in one digest; the rest is "and N more". */
const MAX_LINES_PER_CASE = 15;

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

/** What others did in this person's cases between `since` and `until`, per case, as they may see it. */
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
      .select({ summary: activity.summary, actorName: users.name })
      .from(activity)
      .leftJoin(users, eq(users.id, activity.actorId))
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
      .orderBy(asc(activity.createdAt));
    if (rows.length === 0) continue;
    const lines = rows.slice(0, MAX_LINES_PER_CASE).map((r) => `${r.actorName ?? "A former member"}: ${r.summary}`);
    if (rows.length > MAX_LINES_PER_CASE) lines.push(`…and ${rows.length - MAX_LINES_PER_CASE} more`);
    result.push({ title: m.title, url: `${config().appUrl}/cases/${m.caseId}`, lines });
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
      .select({ id: users.id, name: users.name, email: users.email, since: users.lastDigestAt })
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
        digestMail({ to: person.email, name: person.name, cases: digestCases, unsubscribeUrl: links.page, oneClickUrl: links.oneClick }),
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
