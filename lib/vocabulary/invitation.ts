/** The invitation vocabulary the browser loads at once, without zod; `lib/invitation.ts` (the contract) re-exports it. */

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;

export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
