/**
 * One member's live stream of a case: the hub's messages, filtered for this member. It re-checks
 * membership on every message and on the hub's periodic tick, and ends the moment access ends
 * (lapse, removal, case deleted); it drops events this member may not see (private notes and
 * records) and sends identifiers, action and actor only. Catches up from the activity log after a
 * resume (`lastEventId`) or a dropped LISTEN connection.
 */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { TRPCError } from "@trpc/server";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, users } from "@/db/schema";
import { type CaseEvent } from "@/server/activity";
import type { ActivityAction, ActivityEntity } from "@/lib/activity";
import type { LiveChange, LiveMessage } from "@/lib/live";
import type { CaseRole } from "@/lib/member";
import { canSeeActivity, visibleActivity, findActiveMembership } from "@/server/access";
import { hasStrongFactor } from "@/server/auth/two-step";
import { liveHubOf } from "./hub";

/** Catching up looks this far before the last event delivered (rows of one transaction share a time); ids already sent are skipped. */
const CATCH_UP_OVERLAP_MS = 5_000;
const REMEMBERED_IDS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every item carries the id to resume from: an activity id, or for presence the last one sent
 * (a stream that has sent none yet resumes from "start").
 */
export type LiveItem = { id: string; message: LiveMessage };

export async function* caseStream(opts: {
  db: Db;
  caseId: string;
  userId: string;
  role: CaseRole;
  lastEventId: string | null;
  signal: AbortSignal;
  onEnd?: () => Promise<void>;
  /** False once the session behind the stream has ended (idle or time limit, signed out): the stream ends too. */
  sessionAlive?: () => Promise<boolean>;
}): AsyncGenerator<LiveItem> {
  const { db, caseId, userId } = opts;
  let role = opts.role;
  const names = new Map<string, string | null>();
  const sent = new Set<string>();
  let since = new Date(Date.now() - CATCH_UP_OVERLAP_MS);
  let lastId = opts.lastEventId ?? "start";

  const remember = (id: string, createdAt: Date) => {
    sent.add(id);
    lastId = id;
    if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value!);
    if (createdAt > since) since = createdAt;
  };

  const actorName = async (actorId: string | null) => {
    if (!actorId) return null;
    if (!names.has(actorId)) {
      const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, actorId));
      names.set(actorId, row?.name ?? null);
    }
    return names.get(actorId) ?? null;
  };

  const change = async (
    e: Pick<CaseEvent, "activityId" | "action" | "entityType" | "entityId"> & { actorId: string | null },
  ): Promise<LiveChange> => ({
    kind: "change",
    caseId,
    activityId: e.activityId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actor: { id: e.actorId, name: await actorName(e.actorId) },
  });

  /** Visible log entries after `after`, oldest first, that were not sent yet. */
  async function* catchUp(after: Date): AsyncGenerator<LiveItem> {
    const rows = await db
      .select({
        activityId: activity.id,
        actorId: activity.actorId,
        action: activity.action,
        entityType: activity.entityType,
        entityId: activity.entityId,
        createdAt: activity.createdAt,
      })
      .from(activity)
      .where(and(eq(activity.caseId, caseId), gt(activity.createdAt, after), visibleActivity({ userId, role })))
      .orderBy(activity.createdAt)
      .limit(200);
    for (const row of rows) {
      if (sent.has(row.activityId)) continue;
      remember(row.activityId, row.createdAt);
      yield {
        id: row.activityId,
        message: await change({
          ...row,
          action: row.action as ActivityAction,
          entityType: row.entityType as ActivityEntity,
        }),
      };
    }
  }

  const controller = new AbortController();
  const abort = () => controller.abort();
  opts.signal.addEventListener("abort", abort, { once: true });
  try {
    const messages = await liveHubOf(db).subscribe(caseId, controller.signal);
    yield { id: lastId, message: { kind: "ready", caseId } };
    if (opts.lastEventId && UUID.test(opts.lastEventId)) {
      const [last] = await db
        .select({ createdAt: activity.createdAt })
        .from(activity)
        .where(and(eq(activity.caseId, caseId), eq(activity.id, opts.lastEventId)));
      if (last) {
        sent.add(opts.lastEventId);
        yield* catchUp(new Date(last.createdAt.getTime() - CATCH_UP_OVERLAP_MS));
      }
    }
    for await (const message of messages) {
      // One's own arrival or move changes nothing this member is shown: the heartbeat answered with the others.
      if (message.kind === "presence" && message.userId === userId) continue;
      // Access can end at any moment: a lapse, a removal, a role change, the case deleted.
      const member = await findActiveMembership(db, caseId, userId);
      if (!member) return;
      // The owner may require two-step sign-in at any moment too (server/access.ts).
      if (member.caseRequiresTwoStep && !(await hasStrongFactor(db, userId))) return;
      if (opts.sessionAlive && !(await opts.sessionAlive())) return;
      role = member.role;
      if (message.kind === "presence") {
        yield { id: lastId, message: { kind: "presence", caseId, userId: message.userId } };
      } else if (message.kind === "resync") {
        yield* catchUp(new Date(since.getTime() - CATCH_UP_OVERLAP_MS));
      } else if (message.kind === "event") {
        const event = message.event;
        if (!canSeeActivity(event, { userId, role }) || sent.has(event.activityId)) continue;
        remember(event.activityId, new Date(event.createdAt));
        yield { id: event.activityId, message: await change(event) };
      }
    }
    // The hub closed (the server is shutting down) rather than the client leaving: a retryable
    // error, so the browser reconnects (to this instance once restarted, or to another).
    if (!controller.signal.aborted) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: messageRef("errors.restarting") });
  } finally {
    opts.signal.removeEventListener("abort", abort);
    controller.abort();
    await opts.onEnd?.().catch(() => {});
  }
}
