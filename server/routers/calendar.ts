/** The signed-in person's private calendar feed: whether it is on, a new address, turning it off. Not case data. */
import "server-only";
import { z } from "zod";
import { feedAddresses, feedStatus, renewFeed, revokeFeed } from "@/server/calendar/feed";
import { protectedProcedure, router } from "@/server/trpc";

const ZFeedStatus = z.object({ on: z.boolean(), createdAt: z.date().nullable() });

export const calendarRouter = router({
  feed: protectedProcedure.output(ZFeedStatus).query(async ({ ctx }) => {
    const feed = await feedStatus(ctx.db, ctx.session.user.id);
    return { on: Boolean(feed), createdAt: feed?.createdAt ?? null };
  }),

  /** A new address (the only time it is shown: only its hash is kept); an earlier one stops working. */
  renewFeed: protectedProcedure
    .output(z.object({ https: z.string(), webcal: z.string(), createdAt: z.date() }))
    .mutation(async ({ ctx }) => {
      const { token, createdAt } = await renewFeed(ctx.db, ctx.session.user.id);
      return { ...feedAddresses(token), createdAt };
    }),

  revokeFeed: protectedProcedure.output(ZFeedStatus).mutation(async ({ ctx }) => {
    await revokeFeed(ctx.db, ctx.session.user.id);
    return { on: false, createdAt: null };
  }),
});
