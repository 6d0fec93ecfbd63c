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
