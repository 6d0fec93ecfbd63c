/** The activity log's vocabulary: what can happen in a case, who may see each entry, and an entry as the feed shows it. */
import { z } from "zod";

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

/** An entry of the case's feed as a member sees it (`activity.list`), newest first. */
export const ZActivityView = z.object({
  id: z.uuid(),
  actorName: z.string().nullable(),
  /** The reader's own action, or a quiet one (a download): never shown as new. */
  isNews: z.boolean(),
  action: z.string(),
  /** The action's words in the feed (ACTIVITY_ACTIONS). */
  label: z.string(),
  summary: z.string(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  createdAt: z.date(),
});

export type ActivityView = z.infer<typeof ZActivityView>;
