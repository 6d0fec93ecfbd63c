/** Invitations to a case: what inviting takes, and an invitation as the owner and the invitee see it. */
import { z } from "zod";
import { zEmail } from "./account";
import { zText } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { CASE_ROLES, INVITABLE_ROLES } from "./member";
import { INVITATION_STATUSES } from "./vocabulary/invitation";
export * from "./vocabulary/invitation";

export const ZInviteFields = z.object({
  email: zEmail,
  role: z.enum(INVITABLE_ROLES, messageRef("sharing.validation.chooseRole")),
  message: zText(1000),
});

export type TInviteFields = z.input<typeof ZInviteFields>;

/** An invitation as the case owner sees it in the list (never its link: only the link's hash is kept). */
export const ZInvitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(CASE_ROLES),
  message: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
  sentAt: z.date(),
  expiresAt: z.date(),
});

export type InvitationView = z.infer<typeof ZInvitationView>;

/** A link made when inviting or resending: shown to the owner once, whether or not it was emailed. */
export const ZIssuedInvitation = z.object({ invitationId: z.uuid(), link: z.string(), emailed: z.boolean() });

/**
 * What a link's holder learns (issue 15 §4.15): with a pending invitation, only what deciding to join
 * needs: the case title (already in the invitation email), the inviter's first name, the role and
 * the expiry. Never the invited address; the owner's message only to the person signed in with it.
 * `forYou` says whether the signed-in person is the one invited (null when nobody is signed in).
 * Otherwise only the link's state ("invalid": no invitation has this link).
 */
export const ZInvitationPreview = z.discriminatedUnion("status", [
  ZInvitationView.pick({ role: true, expiresAt: true }).extend({
    status: z.literal("pending"),
    caseTitle: z.string(),
    inviterFirstName: z.string().nullable(),
    forYou: z.boolean().nullable(),
    message: z.string().nullable(),
  }),
  z.object({ status: z.enum(["accepted", "revoked", "expired", "invalid"]) }),
]);

export type InvitationPreview = z.infer<typeof ZInvitationPreview>;
