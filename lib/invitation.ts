/** Invitations to a case. */
import { z } from "zod";
import { zEmail } from "./account";
import { zText } from "./fields";
import { INVITABLE_ROLES } from "./member";

export const ZInviteFields = z.object({
  email: zEmail,
  role: z.enum(INVITABLE_ROLES, "Choose a role."),
  message: zText(1000),
});

export type TInviteFields = z.input<typeof ZInviteFields>;
