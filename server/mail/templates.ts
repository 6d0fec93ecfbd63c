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

export function signInLinkMail(to: string, name: string, url: string): MailMessage {
  return {
    to,
    subject: "Your SecondLook sign-in link",
    text: [
      `Hello ${name},`,
      "",
      "Someone (we hope you) asked to sign in to SecondLook with this email address.",
      "To sign in, open this link within 15 minutes, on the same device and browser where you asked for it:",
      "",
      url,
      "",
      "The link works once. If you did not ask for it, you can ignore this email: nobody can sign in without opening it.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function confirmLinkMail(to: string, name: string, url: string): MailMessage {
  return {
    to,
    subject: "Confirm it's you on SecondLook",
    text: [
      `Hello ${name},`,
      "",
      "You asked to confirm it's you before changing something important in your SecondLook account.",
      "Open this link within 15 minutes in the browser where you are signed in:",
      "",
      url,
      "",
      "The link works once. If you did not ask for it, someone may be using your account: sign out everywhere from your account page and change your password.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function recoveryCodeUsedMail(to: string, name: string, left: number): MailMessage {
  return {
    to,
    subject: "A recovery code was used to sign in to SecondLook",
    text: [
      `Hello ${name},`,
      "",
      "Someone signed in to your SecondLook account with one of your recovery codes instead of the code from your authenticator app.",
      `That code will not work again. You have ${left} recovery ${left === 1 ? "code" : "codes"} left.`,
      "",
      "If this was you: when you have your authenticator again (or a new one), you can set up two-step sign-in again from your account page to get new codes.",
      "If it was not you: sign in, change your password, and sign out everywhere from your account page.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function twoStepChangedMail(to: string, name: string, on: boolean): MailMessage {
  return {
    to,
    subject: on ? "Two-step sign-in is now on for your SecondLook account" : "Two-step sign-in was turned off for your SecondLook account",
    text: [
      `Hello ${name},`,
      "",
      on
        ? "Two-step sign-in with an authenticator app was just turned on for your SecondLook account. From now on, signing in also asks for the code from your app."
        : "Two-step sign-in was just turned off for your SecondLook account. Signing in no longer asks for a code from your authenticator app.",
      "",
      "If this was you, there is nothing more to do.",
      "If it was not you, sign in, change your password, and sign out everywhere from your account page.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function passwordChangedMail(to: string, name: string, change: "removed" | "set"): MailMessage {
  return {
    to,
    subject: change === "removed" ? "Your SecondLook password was removed" : "A password was set for your SecondLook account",
    text: [
      `Hello ${name},`,
      "",
      change === "removed"
        ? "The password of your SecondLook account was just removed. From now on you sign in with a link we email you."
        : "A password was just set for your SecondLook account. You can now sign in with it, or still by emailed link.",
      "",
      "If this was not you, sign in by emailed link, set a new password, and sign out everywhere from your account page.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function twoStepResetLinkMail(to: string, name: string, url: string): MailMessage {
  return {
    to,
    subject: "Turning off two-step sign-in for your SecondLook account",
    text: [
      `Hello ${name},`,
      "",
      "Someone (we hope you) signed in with your password and said they lost their authenticator app and recovery codes.",
      "To start turning off two-step sign-in, open this link within 15 minutes, on the same device and browser:",
      "",
      url,
      "",
      "For your safety, two-step sign-in is then turned off only after 24 hours, and we email you at the start and at the end.",
      "If you did not ask for this, ignore this email, and change your password: someone knows it.",
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function twoStepResetStartedMail(to: string, name: string, endsAt: Date, cancelUrl: string): MailMessage {
  return {
    to,
    subject: "Two-step sign-in will be turned off in 24 hours",
    text: [
      `Hello ${name},`,
      "",
      `A reset of two-step sign-in was started for your SecondLook account. Unless it is cancelled, two-step sign-in will be turned off on ${endsAt.toUTCString()}.`,
      "After that you can sign in with your password or an emailed link alone, and set up two-step sign-in again.",
      "",
      "If this was not you, cancel it now with this link (no sign-in needed), then change your password:",
      "",
      cancelUrl,
      "",
      "SecondLook",
    ].join("\n"),
  };
}

export function twoStepResetDoneMail(to: string, name: string): MailMessage {
  return {
    to,
    subject: "Two-step sign-in was turned off for your SecondLook account",
    text: [
      `Hello ${name},`,
      "",
      "The 24-hour wait has ended and two-step sign-in is now turned off for your SecondLook account, as asked.",
      "Please set it up again from your account page, with your new phone or app: it keeps your account much safer.",
      "",
      "If you did not ask for this, sign in, change your password, and sign out everywhere from your account page.",
      "",
      "SecondLook",
    ].join("\n"),
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

/**
 * To each other member when the owner starts or stops requiring two-step sign-in in a case. Like every
 * email, nothing of the case beyond its title.
 */
export function caseTwoStepRequirementMail(input: {
  to: string;
  name: string;
  ownerName: string;
  caseTitle: string;
  required: boolean;
  accountUrl: string;
}): MailMessage {
  return {
    to: input.to,
    subject: input.required
      ? `"${input.caseTitle}" now asks for two-step sign-in`
      : `"${input.caseTitle}" no longer asks for two-step sign-in`,
    text: [
      `Hello ${input.name},`,
      "",
      input.required
        ? `${input.ownerName} now asks everyone in "${input.caseTitle}" on SecondLook to use two-step sign-in: a code from an authenticator app, or a passkey, as well as a password or emailed link.`
        : `${input.ownerName} no longer asks everyone in "${input.caseTitle}" on SecondLook to use two-step sign-in.`,
      "",
      ...(input.required
        ? [
            "If you have not set it up yet, the case stays locked for you until you do. It takes a minute, on your account page:",
            "",
            input.accountUrl,
            "",
            "If you already use two-step sign-in or a passkey, there is nothing to do.",
          ]
        : ["There is nothing you need to do. If you use two-step sign-in, it stays on for your account."]),
      "",
      "SecondLook",
    ].join("\n"),
  };
}
