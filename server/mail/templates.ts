/** The text of every email the app sends, in plain words. */
import type { MailMessage } from "./index";

export function passwordResetMail(to: string, name: string, resetUrl: string): MailMessage {
  return {
    to,
    subject: "Reset your SecondLook password",
    text: [
      `Hello ${name},`,
      "",
      "Someone (we hope you) asked to reset the password of your SecondLook account.",
      "To choose a new password, open this link within the next hour:",
      "",
      resetUrl,
      "",
      "The link works once. If you did not ask for this, you can ignore this email: your password stays as it is.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function invitationMail(input: {
  to: string;
  inviterName: string;
  caseTitle: string;
  roleName: string;
  message: string | null;
  url: string;
}): MailMessage {
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to a case on SecondLook`,
    text: [
      "Hello,",
      "",
      `${input.inviterName} would like you to join "${input.caseTitle}" on SecondLook as a ${input.roleName.toLowerCase()}.`,
      "SecondLook is a private workspace for preparing for and comparing medical opinions together.",
      ...(input.message ? ["", `${input.inviterName} wrote:`, input.message] : []),
      "",
      "To join, open this link within 7 days and sign in or create an account with this email address:",
      "",
      input.url,
      "",
      "The link works once. If you were not expecting this, you can ignore this email.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}
