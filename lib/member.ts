/** Members of a case: the roles and what each may do, and a member as the others see them. */
import { z } from "zod";

export const CASE_ROLES = ["owner", "supporter", "viewer"] as const;

export type CaseRole = (typeof CASE_ROLES)[number];

/** Roles an invitation can grant; ownership only changes hands by transfer. */
export const INVITABLE_ROLES = ["supporter", "viewer"] as const;

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

const RANK: Record<CaseRole, number> = { owner: 3, supporter: 2, viewer: 1 };

export function roleAtLeast(role: CaseRole, min: CaseRole): boolean {
  return RANK[role] >= RANK[min];
}

export const ROLE_LABELS: Record<CaseRole, { name: string; description: string }> = {
  owner: {
    name: "Owner",
    description: "Can do everything: edit, invite, change roles, record the decision, export and delete the case.",
  },
  supporter: {
    name: "Supporter",
    description: "Reads everything shared; adds and edits questions, records, notes, opinions and comparisons; writes their own reflection.",
  },
  viewer: { name: "Viewer", description: "Follows along: reads what is shared, changes nothing." },
};

/**
 * A member as the people in the case see them: `member.list`'s rows; the case's people (`case.get`)
 * are a pick of it.
 */
export const ZMemberView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  /** Shown to the owner (who manages access) and to the member themself; null for everyone else. */
  email: z.string().nullable(),
  role: z.enum(CASE_ROLES),
  joinedAt: z.date(),
  lastActiveAt: z.date().nullable(),
  accessEndsAt: z.date().nullable(),
  isMe: z.boolean(),
});

export type MemberView = z.infer<typeof ZMemberView>;
