/**
 * "New since you last looked", per section: what the section nav's counts read (`live.unread`) and what
 * the "seen" marks answer with (`live.markSectionSeen`, and `case.markSeen` for the overview).
 */
import "server-only";
import { and, count, eq, gt, inArray, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, caseMembers, caseSectionSeen } from "@/db/schema";
import { visibleActivity, type CaseContext } from "@/server/access";
import { type ActivityEntity, QUIET_ACTIONS } from "@/lib/activity";
import { CASE_SECTIONS, type CaseSection, ENTITY_SECTION } from "@/lib/live";

type MemberContext = CaseContext & { db: Db };

/** The member is looking at `section` now: its count starts again from here. */
export async function markSectionSeen(ctx: MemberContext, section: CaseSection) {
  await ctx.db
    .insert(caseSectionSeen)
    .values({ memberId: ctx.memberId, section })
    .onConflictDoUpdate({ target: [caseSectionSeen.memberId, caseSectionSeen.section], set: { seenAt: sql`now()` } });
}

/** What others did since this member last looked, per section. */
export async function unreadCounts(ctx: MemberContext) {
  // Compared in SQL, so the database's microseconds are not rounded to JavaScript's milliseconds.
  const since = (section: CaseSection) => sql`coalesce(
    (select ${caseSectionSeen.seenAt} from ${caseSectionSeen}
      where ${caseSectionSeen.memberId} = ${ctx.memberId} and ${caseSectionSeen.section} = ${section}),
    (select coalesce(${caseMembers.lastSeenAt}, ${caseMembers.joinedAt}) from ${caseMembers} where ${caseMembers.id} = ${ctx.memberId}))`;
  const entities = Object.keys(ENTITY_SECTION) as ActivityEntity[];
  const perSection: SQL[] = CASE_SECTIONS.map((section) => {
    const types = entities.filter((e) => ENTITY_SECTION[e] === section);
    return and(inArray(activity.entityType, types), gt(activity.createdAt, since(section)))!;
  });
  const rows = await ctx.db
    .select({ entityType: activity.entityType, n: count() })
    .from(activity)
    .where(
      and(
        eq(activity.caseId, ctx.caseId),
        visibleActivity(ctx),
        or(isNull(activity.actorId), ne(activity.actorId, ctx.userId)),
        notInArray(activity.action, [...QUIET_ACTIONS]),
        or(...perSection),
      ),
    )
    .groupBy(activity.entityType);
  const counts = Object.fromEntries(CASE_SECTIONS.map((s) => [s, 0])) as Record<CaseSection, number>;
  for (const row of rows) {
    const section = ENTITY_SECTION[row.entityType as ActivityEntity];
    if (section) counts[section] += row.n;
  }
  return counts;
}
