/** The member vocabulary the browser loads at once, without zod; `lib/member.ts` (the contract) re-exports it. */

export const CASE_ROLES = ["owner", "supporter", "viewer"] as const;

export type CaseRole = (typeof CASE_ROLES)[number];

/** Roles an invitation can grant; ownership only changes hands by transfer. */
export const INVITABLE_ROLES = ["supporter", "viewer"] as const;

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

const RANK: Record<CaseRole, number> = { owner: 3, supporter: 2, viewer: 1 };

export function roleAtLeast(role: CaseRole, min: CaseRole): boolean {
  return RANK[role] >= RANK[min];
}

/**
 * @deprecated The roles' words are in the catalogue (`sharing.roles.<role>.name` / `.description`). Kept, in
 * English, only until the visit packet and the invitation email read them from there; use the catalogue.
 */
export const ROLE_LABELS: Record<CaseRole, { name: string; description: string }> = {
  owner: {
    name: "Owner",
    description: "Can do it all: edit, invite, change roles, and record the decision. Can also export and delete the case.",
  },
  supporter: {
    name: "Supporter",
    description: "Reads everything shared. Adds and edits questions, records, notes, opinions and comparisons. Writes their own reflection.",
  },
  viewer: { name: "Viewer", description: "Follows along: reads what is shared, changes nothing." },
};
