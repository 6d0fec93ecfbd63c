/** The activity vocabulary the browser loads at once, without zod; `lib/activity.ts` (the contract) re-exports it. */
import type { ActivityFeedPage, ActivityGroup, ActivityView } from "../activity";

/**
 * Every action the activity log knows, with the words shown in the feed. Exhaustive on purpose:
 * a new action will not compile until it has a label.
 */
export const ACTIVITY_ACTIONS = {
  "case.created": "created the case",
  "case.updated": "edited the case details",
  "case.archived": "archived the case",
  "case.unarchived": "brought the case back from the archive",
  "case.deleted": "deleted the case",
  "case.ownership_transferred": "handed over ownership",
  "case.exported": "exported the case",
  "case.two_step_changed": "changed whether two-step sign-in is required",
  "member.joined": "joined the case",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "member.access_end_set": "set when a member's access ends",
  "member.left": "left the case",
  "invitation.created": "invited someone",
  "invitation.resent": "resent an invitation",
  "invitation.revoked": "revoked an invitation",
  "question.created": "added a question",
  "question.updated": "edited a question",
  "question.reordered": "reordered the questions",
  "question.deleted": "removed a question",
  "record.created": "added a record to gather",
  "record.updated": "updated a record",
  "record.deleted": "removed a record",
  "file.uploaded": "uploaded a file",
  "file.downloaded": "downloaded a file",
  "file.deleted": "removed a file",
  "medication.created": "added a medication",
  "medication.updated": "edited a medication",
  "medication.deleted": "removed a medication",
  "medication.reordered": "reordered the medications",
  "allergy.created": "added an allergy",
  "allergy.updated": "edited an allergy",
  "allergy.deleted": "removed an allergy",
  "allergy.reordered": "reordered the allergies",
  "procedure.created": "added a past procedure",
  "procedure.updated": "edited a past procedure",
  "procedure.deleted": "removed a past procedure",
  "procedure.reordered": "reordered the past procedures",
  "note.created": "wrote a note",
  "note.updated": "edited a note",
  "note.deleted": "deleted a note",
  "opinion.created": "added an opinion",
  "opinion.updated": "edited an opinion",
  "opinion.deleted": "removed an opinion",
  "opinion.call_logged": "logged a call",
  "opinion.call_deleted": "removed a logged call",
  "packet.downloaded": "downloaded a visit packet",
  "comparison.cell_saved": "filled in the comparison",
  "comparison.row_marked": "marked a comparison row",
  "reflection.saved": "updated their reflection",
  "decision.recorded": "recorded the decision",
  "decision.commented": "commented on the decision",
  "self_check.saved": "updated the self-check",
  "checklist.ticked": "ticked a checklist item",
  "checklist.unticked": "unticked a checklist item",
} as const;

export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;

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
  | "checklist";

/**
 * members: everyone in the case · author: only the actor (private notes) ·
 * author_and_owner: the actor and the owner (private records and their files).
 */
export const ACTIVITY_VISIBILITIES = ["members", "author", "author_and_owner"] as const;

export type ActivityVisibility = (typeof ACTIVITY_VISIBILITIES)[number];

/** Logged for the audit trail, but not "news": they never count as new since a member's last visit. */
export const QUIET_ACTIONS: readonly ActivityAction[] = ["file.downloaded", "packet.downloaded"];

// ── The grouped, paged feed (`activity.feed`) ───────────────────────────────────────────────────

/**
 * A run of one action by one person, in the feed's words, `#` standing for the count ("wrote 10
 * notes"). Exhaustive like ACTIVITY_ACTIONS; "# times" where the entries may be the same item.
 */
export const ACTIVITY_RUNS: Record<ActivityAction, string> = {
  "case.created": "created the case # times",
  "case.updated": "edited the case details # times",
  "case.archived": "archived the case # times",
  "case.unarchived": "brought the case back from the archive # times",
  "case.deleted": "deleted the case # times",
  "case.ownership_transferred": "handed over ownership # times",
  "case.exported": "exported the case # times",
  "case.two_step_changed": "changed whether two-step sign-in is required # times",
  "member.joined": "joined the case # times",
  "member.role_changed": "changed members' roles # times",
  "member.removed": "removed # members",
  "member.access_end_set": "set when members' access ends # times",
  "member.left": "left the case # times",
  "invitation.created": "invited # people",
  "invitation.resent": "resent invitations # times",
  "invitation.revoked": "revoked # invitations",
  "question.created": "added # questions",
  "question.updated": "edited questions # times",
  "question.reordered": "reordered the questions # times",
  "question.deleted": "removed # questions",
  "record.created": "added # records to gather",
  "record.updated": "updated records # times",
  "record.deleted": "removed # records",
  "file.uploaded": "uploaded # files",
  "file.downloaded": "downloaded files # times",
  "file.deleted": "removed # files",
  "medication.created": "added # medications",
  "medication.updated": "edited medications # times",
  "medication.deleted": "removed # medications",
  "medication.reordered": "reordered the medications # times",
  "allergy.created": "added # allergies",
  "allergy.updated": "edited allergies # times",
  "allergy.deleted": "removed # allergies",
  "allergy.reordered": "reordered the allergies # times",
  "procedure.created": "added # past procedures",
  "procedure.updated": "edited past procedures # times",
  "procedure.deleted": "removed # past procedures",
  "procedure.reordered": "reordered the past procedures # times",
  "note.created": "wrote # notes",
  "note.updated": "edited notes # times",
  "note.deleted": "deleted # notes",
  "opinion.created": "added # opinions",
  "opinion.updated": "edited opinions # times",
  "opinion.deleted": "removed # opinions",
  "opinion.call_logged": "logged # calls",
  "opinion.call_deleted": "removed # logged calls",
  "packet.downloaded": "downloaded visit packets # times",
  "comparison.cell_saved": "filled in the comparison # times",
  "comparison.row_marked": "marked comparison rows # times",
  "reflection.saved": "updated their reflection # times",
  "decision.recorded": "recorded the decision # times",
  "decision.commented": "commented on the decision # times",
  "self_check.saved": "updated the self-check # times",
  "checklist.ticked": "ticked # checklist items",
  "checklist.unticked": "unticked # checklist items",
};

/** Groups per page of the feed: enough to fill a screen or two, little to render. */
export const ACTIVITY_PAGE_GROUPS = 10;

/** Entries read per page at most. A run longer than this is shown as "and more" (see activityPage). */
export const ACTIVITY_PAGE_ROWS = 100;

/** Entries a group carries to show when expanded; the rest are in their section. */
export const ACTIVITY_GROUP_ITEMS = 5;

/** An entry as read for the feed: the view plus who did it, which is what a run is made of. */
export type ActivityRow = ActivityView & { actorId: string | null };

const sameRun = (a: ActivityRow, b: ActivityRow) => a.actorId === b.actorId && a.action === b.action && a.entityType === b.entityType;

/** The words for a run of `count` entries of one action. */
export function runLabel(action: string, count: number): string {
  const known = action in ACTIVITY_RUNS ? (action as ActivityAction) : null;
  if (count === 1) return known ? ACTIVITY_ACTIONS[known] : action;
  return known ? ACTIVITY_RUNS[known].replace("#", String(count)) : `${action} (${count} times)`;
}

/** Consecutive entries (newest first) of the same person, action and kind of thing, as one group each. */
export function groupActivity(rows: readonly ActivityRow[]): ActivityGroup[] {
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
  { previous = null, maxGroups = ACTIVITY_PAGE_GROUPS, maxRows = ACTIVITY_PAGE_ROWS }: { previous?: ActivityRow | null; maxGroups?: number; maxRows?: number } = {},
): ActivityFeedPage {
  const read = rows.slice(0, maxRows);
  const following = rows[maxRows] ?? null;
  let groups = groupActivity(read);
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
