/**
 * Working together live: the case's event stream (an SSE subscription), presence (who else has the
 * case open, on which section) and unread counts per section. Presence and "seen" markers are not
 * case data: they log no activity and never count as new.
 */
import "server-only";
import { tracked } from "@trpc/server";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseMembers, casePresence, users } from "@/db/schema";
import { activeMember } from "@/server/access";
import { findSessionUser, successorOf } from "@/server/auth/sessions";
import { config } from "@/server/env";
import { CASE_PRESENCE_CHANNEL, presencePayload } from "@/server/live/hub";
import { caseStream } from "@/server/live/stream";
import { markSectionSeen, unreadCounts } from "@/server/live/unread";
import { ZCaseSection, ZPresentView, ZUnreadView } from "@/lib/live";
import { caseProcedure, router } from "@/server/trpc";

const ZPresent = z.array(ZPresentView);

/** `userId`'s presence in the case changed: the others' streams say so (their own does not). */
function notifyPresence(db: Db, caseId: string, userId: string) {
  return db.execute(sql`select pg_notify(${CASE_PRESENCE_CHANNEL}, ${presencePayload(caseId, userId)})`);
}

/** The other members with the case open now: a fresh heartbeat, and access that has not ended. */
async function presentOthers(db: Db, caseId: string, userId: string) {
  const ttl = config().presenceTtlSeconds;
  const rows = await db
    .select({ userId: casePresence.userId, name: users.name, section: casePresence.section })
    .from(casePresence)
    .innerJoin(users, eq(users.id, casePresence.userId))
    .innerJoin(caseMembers, and(eq(caseMembers.caseId, casePresence.caseId), eq(caseMembers.userId, casePresence.userId)))
    .where(
      and(
        eq(casePresence.caseId, caseId),
        ne(casePresence.userId, userId),
        gt(casePresence.seenAt, sql`now() - make_interval(secs => ${ttl})`),
        activeMember(),
      ),
    )
    .orderBy(users.name);
  return rows.map((r) => ({ ...r, section: ZCaseSection.catch("overview").parse(r.section) }));
}


export const liveRouter = router({
  /**
   * The case's changes as they are committed, for as long as the caller may see the case. Each item
   * is `tracked` with its activity id, so a reconnecting client resumes after the last one it got.
   */
  events: caseProcedure("viewer")
    .input(z.object({ lastEventId: z.string().max(64).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      let sessionId = ctx.session.sessionId;
      const stream = caseStream({
        db: ctx.db,
        caseId: ctx.caseId,
        userId: ctx.userId,
        role: ctx.role,
        lastEventId: input.lastEventId ?? null,
        signal: signal ?? new AbortController().signal,
        // A stream is not activity, and it ends with the session (server/auth/sessions.ts).
        // After "confirm it's you" the session lives on under a new id (recent-proof.ts): the stream follows it.
        sessionAlive: async () => {
          if ((await findSessionUser(ctx.db, sessionId)) !== null) return true;
          const renewed = await successorOf(ctx.db, sessionId);
          if (!renewed) return false;
          sessionId = renewed;
          return true;
        },
        // Closing the tab closes the stream: the others see them leave at once, not after the TTL.
        onEnd: async () => {
          await ctx.db.delete(casePresence).where(and(eq(casePresence.caseId, ctx.caseId), eq(casePresence.userId, ctx.userId)));
          await notifyPresence(ctx.db, ctx.caseId, ctx.userId);
        },
      });
      for await (const item of stream) yield tracked(item.id, item.message);
    }),

  /** "I am here, on this section": sent every third of the presence TTL. Returns who else is here. */
  heartbeat: caseProcedure("viewer")
    .input(z.object({ section: ZCaseSection }))
    .output(ZPresent)
    .mutation(async ({ ctx, input }) => {
      const ttl = config().presenceTtlSeconds;
      const where = and(eq(casePresence.caseId, ctx.caseId), eq(casePresence.userId, ctx.userId));
      const [before] = await ctx.db
        .select({ section: casePresence.section, fresh: sql<boolean>`${casePresence.seenAt} > now() - make_interval(secs => ${ttl})` })
        .from(casePresence)
        .where(where);
      await ctx.db
        .insert(casePresence)
        .values({ caseId: ctx.caseId, userId: ctx.userId, section: input.section })
        .onConflictDoUpdate({
          target: [casePresence.caseId, casePresence.userId],
          set: { section: input.section, seenAt: sql`now()` },
        });
      // Only arrivals and moves are news; a plain heartbeat is not announced.
      if (!before || !before.fresh || before.section !== input.section) await notifyPresence(ctx.db, ctx.caseId, ctx.userId);
      return presentOthers(ctx.db, ctx.caseId, ctx.userId);
    }),

  presence: caseProcedure("viewer")
    .output(ZPresent)
    .query(({ ctx }) => presentOthers(ctx.db, ctx.caseId, ctx.userId)),

  /**
   * What other members did since this member last looked at each section, counting only entries
   * they may see. A section never looked at counts from the last overview visit, else from joining.
   */
  unread: caseProcedure("viewer")
    .output(ZUnreadView)
    .query(({ ctx }) => unreadCounts(ctx)),

  /**
   * The member is looking at a section now: its unread count starts again from here. Answers with
   * the counts as they are now, so the browser need not ask again.
   */
  markSectionSeen: caseProcedure("viewer")
    .input(z.object({ section: ZCaseSection }))
    .output(ZUnreadView)
    .mutation(async ({ ctx, input }) => {
      await markSectionSeen(ctx, input.section);
      return unreadCounts(ctx);
    }),
});
