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
  "member.joined": "joined the case",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "member.access_end_set": "set when a member's access ends",
  "member.left": "left the case",
  "invitation.created": "invited someone",
  "invitation.resent": "resent an invitation",
  "invitation.revoked": "revoked an invitation",
} as const;

export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;
export type ActivityEntity = "case" | "member" | "invitation";
