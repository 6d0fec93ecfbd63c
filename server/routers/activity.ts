/** The case's activity feed, newest first: the raw entries (`list`) and the grouped, paged feed (`feed`). */
import "server-only";
import { type SQL, and, desc, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { activity, users } from "@/db/schema";
import {
  ACTIVITY_PAGE_ROWS,
  type ActivityAction,
  type ActivityRow,
  QUIET_ACTIONS,
  ZActivityFeedInput,
  ZActivityFeedPage,
  ZActivityView,
  activityPage,
} from "@/lib/activity";
import { zMoment } from "@/lib/fields";
import { messageRef } from "@/lib/i18n/message-ref";
import { DEFAULT_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import { activityLabeller, activitySummary } from "@/server/activity-words";
import { visibleActivity } from "@/server/access";
import type { CaseRole } from "@/lib/member";
import { caseProcedure, router } from "@/server/trpc";

type Reader = { db: Db; caseId: string; userId: string; role: CaseRole; locale?: AnyLocale };

/** The entries this member may see, newest first on (created_at, id), as the feed shows them. */
async function readEntries(ctx: Reader, where: SQL | undefined, limit: number): Promise<ActivityRow[]> {
  const rows = await ctx.db
    .select({
      id: activity.id,
      actorId: activity.actorId,
      actorName: users.name,
      action: activity.action,
      summary: activity.summary,
      entityType: activity.entityType,
      entityId: activity.entityId,
      createdAt: activity.createdAt,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.caseId, ctx.caseId), visibleActivity(ctx), where))
    .orderBy(desc(activity.createdAt), desc(activity.id))
    .limit(limit);
  const label = activityLabeller(ctx.locale ?? DEFAULT_LOCALE);
  return rows.map((row) => ({
    ...row,
    summary: activitySummary(row.summary, ctx.locale ?? DEFAULT_LOCALE),
    isNews: row.actorId !== ctx.userId && !QUIET_ACTIONS.includes(row.action as ActivityAction),
    label: label(row.action, 1),
  }));
}

const cursorEntry = alias(activity, "cursor_entry");

export const activityRouter = router({
  list: caseProcedure("viewer")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20), before: zMoment(messageRef("activity.validation.before")).optional() }))
    .output(z.array(ZActivityView))
    .query(async ({ ctx, input }) => {
      const rows = await readEntries(ctx, input.before ? lt(activity.createdAt, input.before) : undefined, input.limit);
      return rows.map(({ actorId: _actorId, ...view }) => view);
    }),

  /**
   * The feed as the overview shows it: runs grouped, ACTIVITY_PAGE_GROUPS groups a page. Keyset paging
   * on (created_at, id) from the cursor entry, read in the same statement (at or before it, so the
   * entry itself tells whether the page's first run continues one from the page before). One round trip.
   */
  feed: caseProcedure("viewer")
    .input(ZActivityFeedInput)
    .output(ZActivityFeedPage)
    .query(async ({ ctx, input }) => {
      const label = activityLabeller(ctx.locale ?? DEFAULT_LOCALE);
      if (!input.cursor) return activityPage(await readEntries(ctx, undefined, ACTIVITY_PAGE_ROWS + 1), label);
      // An id that is not an entry of this case bounds nothing: the page is empty.
      const atCursor = ctx.db
        .select({ createdAt: cursorEntry.createdAt, id: cursorEntry.id })
        .from(cursorEntry)
        .where(and(eq(cursorEntry.id, input.cursor), eq(cursorEntry.caseId, ctx.caseId)));
      const rows = await readEntries(ctx, sql`(${activity.createdAt}, ${activity.id}) <= (${atCursor})`, ACTIVITY_PAGE_ROWS + 2);
      const previous = rows[0]?.id === input.cursor ? rows.shift()! : null;
      return activityPage(rows, label, { previous });
    }),
});
