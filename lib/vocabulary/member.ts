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
