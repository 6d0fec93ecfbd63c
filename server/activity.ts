/**
 * The activity spine: every mutation of case data calls `recordActivity` inside its transaction.
 * It writes the activity row, bumps the case's last activity and the actor's last activity, and
 * NOTIFYs `case_events`. PostgreSQL delivers a NOTIFY only on commit, so a rolled-back change is
 * never announced, and the row and the change stand or fall together.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { activity, caseMembers, cases } from "@/db/schema";
import type { ActivityAction, ActivityEntity, ActivityVisibility } from "@/lib/activity";

export const CASE_EVENTS_CHANNEL = "case_events";

export interface ActivityInput {
  caseId: string;
  actorId: string;
  action: ActivityAction;
  entityType: ActivityEntity;
  entityId: string | null;
  /**
   * A message reference (`messageRef("questions.activity.added", { text })`), put in each reader's language
   * by the feed and the export. Never private content: other members read it.
   */
  summary: string;
  /** Defaults to "members"; private notes and records narrow it (see ACTIVITY_VISIBILITIES). */
  visibility?: ActivityVisibility;
}

/** What a live listener receives: identifiers only, never content. */
export interface CaseEvent {
  caseId: string;
  activityId: string;
  actorId: string;
  action: ActivityAction;
  entityType: ActivityEntity;
  entityId: string | null;
  visibility: ActivityVisibility;
  /** ISO time of the activity row (the transaction's start); live subscribers catch up from it. */
  createdAt: string;
}

export async function recordActivity(tx: Tx, input: ActivityInput): Promise<CaseEvent> {
  const visibility = input.visibility ?? "members";
  const [row] = await tx.insert(activity).values({ ...input, visibility }).returning({ id: activity.id, createdAt: activity.createdAt });
  if (!row) throw new Error("activity row was not written");
  await tx.update(cases).set({ lastActivityAt: row.createdAt }).where(eq(cases.id, input.caseId));
  await tx
    .update(caseMembers)
    .set({ lastActiveAt: row.createdAt })
    .where(and(eq(caseMembers.caseId, input.caseId), eq(caseMembers.userId, input.actorId)));
  const event: CaseEvent = {
    caseId: input.caseId,
    activityId: row.id,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    visibility,
    createdAt: row.createdAt.toISOString(),
  };
  await tx.execute(sql`select pg_notify(${CASE_EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
  return event;
}
