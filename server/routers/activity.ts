/** The case's activity feed, newest first. */
import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { activity, users } from "@/db/schema";
import { ACTIVITY_ACTIONS, type ActivityAction, QUIET_ACTIONS, ZActivityView } from "@/lib/activity";
import { zMoment } from "@/lib/fields";
import { visibleActivity } from "@/server/access";
import { caseProcedure, router } from "@/server/trpc";

export const activityRouter = router({
  list: caseProcedure("viewer")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20), before: zMoment("Give a moment to list activity before.").optional() }))
    .output(z.array(ZActivityView))
    .query(async ({ ctx, input }) => {
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
        .where(
          and(eq(activity.caseId, ctx.caseId), visibleActivity(ctx), input.before ? lt(activity.createdAt, input.before) : undefined),
        )
        .orderBy(desc(activity.createdAt))
        .limit(input.limit);
      return rows.map(({ actorId, ...row }) => ({
        ...row,
        isNews: actorId !== ctx.userId && !QUIET_ACTIONS.includes(row.action as ActivityAction),
        label: ACTIVITY_ACTIONS[row.action as ActivityAction] ?? row.action,
      }));
    }),
});
