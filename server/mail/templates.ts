/** The text of every email the app sends, in plain words. */
import "server-only";
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

/** The link that creates a new account (server/auth/sign-up.ts). */
export function signUpLinkMail(to: string, name: string, url: string, minutes: number): MailMessage {
  return {
    to,
    subject: "Finish creating your SecondLook account",
    text: [
      `Hello ${name},`,
      "",
      "To finish creating your SecondLook account, open this link within the next " + `${minutes} minutes:`,
      "",
      url,
      "",
      "The link works once. If you did not ask for an account, you can ignore this email: nothing is created.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

/** Someone tried to create an account with an address that already has one. */
export function signUpExistingMail(to: string, name: string, links: { signInUrl: string; resetUrl: string }): MailMessage {
  return {
    to,
    subject: "Someone tried to create a SecondLook account with your address",
    text: [
      `Hello ${name},`,
      "",
      "Someone (we hope you) tried to create a SecondLook account with this email address, which already has one.",
      "Nothing was changed. To use your account, sign in:",
      "",
      links.signInUrl,
      "",
      "If you have forgotten your password, you can choose a new one here:",
      "",
      links.resetUrl,
      "",
      "If this wasn't you, you can ignore this email.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

/** Wrong passwords are being tried on the account (server/auth/guessing-warning.ts): no details, no alarm. */
export function signInGuessingMail(to: string, name: string, links: { signInUrl: string; resetUrl: string }): MailMessage {
  return {
    to,
    subject: "Several wrong passwords were tried on your SecondLook account",
    text: [
      `Hello ${name},`,
      "",
      "Several wrong passwords were just tried on your SecondLook account.",
      "If this wasn't you, there is nothing you need to do: they did not get in, and the browsers you",
      "usually sign in with can still sign in as before.",
      "",
      "If you cannot sign in, you can sign in with a link sent by email, or choose a new password:",
      "",
      links.signInUrl,
      links.resetUrl,
      "",
      "We send this at most once a day.",
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

export interface DigestCase {
  title: string;
  url: string;
  /** How many changes others made, per section (its name only): nothing of what they were. */
  changes: { section: string; count: number }[];
}

const changesIn = (count: number, section: string) => `${count} ${count === 1 ? "change" : "changes"} in ${section}`;

/**
 * The daily digest: how much others changed in the reader's cases since the last one, per case
 * and section. Like every email, nothing of a case beyond its title (docs/SECURITY.md).
 */
export function digestMail(input: { to: string; name: string; cases: DigestCase[]; unsubscribeUrl: string; oneClickUrl: string }): MailMessage {
  const total = input.cases.reduce((n, c) => n + c.changes.reduce((m, change) => m + change.count, 0), 0);
  return {
    to: input.to,
    subject: `SecondLook: ${total} ${total === 1 ? "change" : "changes"} in your cases`,
    text: [
      `Hello ${input.name},`,
      "",
      "Here is how much changed in your cases since the last digest. Sign in to see what.",
      ...input.cases.flatMap((c) => ["", `${c.title} (${c.url})`, ...c.changes.map((change) => `- ${changesIn(change.count, change.section)}`)]),
      "",
      "You get this email once a day because you asked for it. To stop it, open this link (no sign-in needed):",
      input.unsubscribeUrl,
      "",
      "SecondLook",
    ].join("\n"),
    headers: {
      "List-Unsubscribe": `<${input.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/** Sent when a passkey is added to or removed from an account, so an intruder's change does not go unseen. */
export function passkeyChangedMail(input: { to: string; name: string; passkeyName: string; change: "added" | "removed"; accountUrl: string }): MailMessage {
  const added = input.change === "added";
  return {
    to: input.to,
    subject: added ? "A passkey was added to your SecondLook account" : "A passkey was removed from your SecondLook account",
    text: [
      `Hello ${input.name},`,
      "",
      added
        ? `A passkey named "${input.passkeyName}" was just added to your SecondLook account. It can now be used to sign in.`
        : `The passkey named "${input.passkeyName}" was just removed from your SecondLook account. It can no longer be used to sign in.`,
      "",
      "If this was you, there is nothing to do.",
      "If it was not you, someone may be using your account: reset your password and review your passkeys at",
      input.accountUrl,
      "",
      "SecondLook",
    ].join("\n"),
  };
}
