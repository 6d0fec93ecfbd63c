/** The activity vocabulary the browser loads at once, without zod; `lib/activity.ts` (the contract) re-exports it. */
import type { ActivityFeedPage, ActivityGroup, ActivityView } from "../activity";

/**
 * Every action the activity log knows. Their words are in the catalogue (`activity.actions.<action>`, with
 * the count of a run): a new action fails the catalogue's type check until it has them.
 */
export const ACTIVITY_ACTIONS = [
  "case.created",
  "case.updated",
  "case.archived",
  "case.unarchived",
  "case.deleted",
  "case.ownership_transferred",
  "case.exported",
  "case.two_step_changed",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.access_end_set",
  "member.left",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "question.created",
  "question.updated",
  "question.reordered",
  "question.deleted",
  "record.created",
  "record.updated",
  "record.deleted",
  "file.uploaded",
  "file.downloaded",
  "file.deleted",
  "medication.created",
  "medication.updated",
  "medication.deleted",
  "medication.reordered",
  "allergy.created",
  "allergy.updated",
  "allergy.deleted",
  "allergy.reordered",
  "procedure.created",
  "procedure.updated",
  "procedure.deleted",
  "procedure.reordered",
  "note.created",
  "note.updated",
  "note.deleted",
  "opinion.created",
  "opinion.updated",
  "opinion.deleted",
  "opinion.call_logged",
  "opinion.call_deleted",
  "packet.downloaded",
  "comparison.cell_saved",
  "comparison.row_marked",
  "reflection.saved",
  "decision.recorded",
  "decision.commented",
  "self_check.saved",
  "checklist.ticked",
  "checklist.unticked",
  "task.created",
  "task.updated",
  "task.completed",
  "task.reopened",
  "task.deleted",
  "task.suggestion_dismissed",
] as const;

export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export function isActivityAction(action: string): action is ActivityAction {
  return (ACTIVITY_ACTIONS as readonly string[]).includes(action);
}

export type ActivityEntity =
  | "case"
  | "member"
  | "invitation"
  | "question"
  | "record"
  | "file"
  | "medication"
  | "allergy"
  | "procedure"
  | "note"
  | "opinion"
  | "comparison"
  | "reflection"
  | "decision"
  | "self_check"
  | "checklist"
  | "task";

/**
 * members: everyone in the case · author: only the actor (private notes) ·
 * author_and_owner: the actor and the owner (private records and their files).
 */
export const ACTIVITY_VISIBILITIES = ["members", "author", "author_and_owner"] as const;

export type ActivityVisibility = (typeof ACTIVITY_VISIBILITIES)[number];

/** Logged for the audit trail, but not "news": they never count as new since a member's last visit. */
export const QUIET_ACTIONS: readonly ActivityAction[] = ["file.downloaded", "packet.downloaded"];

// ── The grouped, paged feed (`activity.feed`) ───────────────────────────────────────────────────

/** Groups per page of the feed: enough to fill a screen or two, little to render. */
export const ACTIVITY_PAGE_GROUPS = 10;

/** Entries read per page at most. A run longer than this is shown as "and more" (see activityPage). */
export const ACTIVITY_PAGE_ROWS = 100;

/** Entries a group carries to show when expanded; the rest are in their section. */
export const ACTIVITY_GROUP_ITEMS = 5;

/** An entry as read for the feed: the view plus who did it, which is what a run is made of. */
export type ActivityRow = ActivityView & { actorId: string | null };

const sameRun = (a: ActivityRow, b: ActivityRow) => a.actorId === b.actorId && a.action === b.action && a.entityType === b.entityType;

/**
 * The words for a run of `count` entries of one action ("wrote 10 notes"), in the reader's language:
 * the server's translator (server/activity-words.ts) is passed in, so this file holds no words.
 */
export type RunLabel = (action: string, count: number) => string;

/** Consecutive entries (newest first) of the same person, action and kind of thing, as one group each. */
export function groupActivity(rows: readonly ActivityRow[], runLabel: RunLabel): ActivityGroup[] {
  const runs: ActivityRow[][] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    if (run && sameRun(run[0]!, row)) run.push(row);
    else runs.push([row]);
  }
  return runs.map((run) => {
    const first = run[0]!;
    const news = run.find((r) => r.isNews);
    return {
      id: first.id,
      actorName: first.actorName,
      action: first.action,
      entityType: first.entityType,
      label: runLabel(first.action, run.length),
      count: run.length,
      newestAt: first.createdAt,
      oldestAt: run.at(-1)!.createdAt,
      newestNewsAt: news ? news.createdAt : null,
      items: run.slice(0, ACTIVITY_GROUP_ITEMS).map(({ actorId: _actorId, ...view }) => view),
      continuesEarlier: false,
      continuesLater: false,
    };
  });
}

/**
 * One page of the feed from the entries read for it, newest first: `previous` is the entry at the
 * cursor (the last one the reader has), `rows` up to `maxRows + 1` entries after it. A group is never
 * cut at a page's end: the page stops before a run that the next entry continues (that run opens the
 * next page, whole). Only a run longer than `maxRows` is cut; it says so (`continuesEarlier`), and
 * its rest on the next page says it continues (`continuesLater`).
 */
export function activityPage(
  rows: readonly ActivityRow[],
  runLabel: RunLabel,
  { previous = null, maxGroups = ACTIVITY_PAGE_GROUPS, maxRows = ACTIVITY_PAGE_ROWS }: { previous?: ActivityRow | null; maxGroups?: number; maxRows?: number } = {},
): ActivityFeedPage {
  const read = rows.slice(0, maxRows);
  const following = rows[maxRows] ?? null;
  let groups = groupActivity(read, runLabel);
  let cutRun = false;
  if (groups.length > maxGroups) {
    groups = groups.slice(0, maxGroups);
  } else if (following && sameRun(read.at(-1)!, following)) {
    if (groups.length > 1) groups = groups.slice(0, -1);
    else cutRun = true;
  }
  if (groups.length === 0) return { groups: [], nextCursor: null };
  const shown = groups.reduce((sum, g) => sum + g.count, 0);
  const more = shown < read.length || following !== null;
  const last = groups.at(-1)!;
  if (cutRun) last.continuesEarlier = true;
  if (previous && sameRun(previous, read[0]!)) groups[0]!.continuesLater = true;
  return { groups, nextCursor: more ? read[shown - 1]!.id : null };
}
