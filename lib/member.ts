/** Members of a case: the roles and what each may do, and a member as the others see them. */
import { z } from "zod";
import { CASE_ROLES } from "./vocabulary/member";
export * from "./vocabulary/member";

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
