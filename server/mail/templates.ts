/**
 * The text of every email the app sends, in plain words and in its RECIPIENT's language (their account's
 * `users.locale`; someone without an account gets the language of the person who caused the email —
 * server/mail/recipient.ts). The words are in the catalogue (`emails.*`, the digest's in `digest.mail.*`).
 */
import "server-only";
import type { AnyLocale } from "@/lib/i18n/locales";
import type { CaseRole } from "@/lib/vocabulary/member";
import type { CaseSection } from "@/lib/vocabulary/live";
import { RECORD_CHASE_DAYS } from "@/lib/vocabulary/notification";
import { formatterFor, translatorFor } from "@/server/i18n/translator";
import type { MailMessage } from "./index";

type Translator = ReturnType<typeof translatorFor>;

/** "Hello {name}," (or "Hello," without a name), the body, and the signature. */
function letter(t: Translator, name: string | null, ...body: string[]): string {
  return [name === null ? t("emails.helloNoName") : t("emails.hello", { name }), "", ...body, "", t("emails.signature")].join("\n");
}

export function passwordResetMail(locale: AnyLocale, to: string, name: string, resetUrl: string): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.passwordReset.subject"), text: letter(t, name, t("emails.passwordReset.body", { url: resetUrl })) };
}

/** The link that creates a new account (server/auth/sign-up.ts). */
export function signUpLinkMail(locale: AnyLocale, to: string, name: string, url: string, minutes: number): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.signUpLink.subject"), text: letter(t, name, t("emails.signUpLink.body", { url, minutes })) };
}

/** Someone tried to create an account with an address that already has one. */
export function signUpExistingMail(locale: AnyLocale, to: string, name: string, links: { signInUrl: string; resetUrl: string }): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.signUpExisting.subject"), text: letter(t, name, t("emails.signUpExisting.body", links)) };
}

/** Wrong passwords are being tried on the account (server/auth/guessing-warning.ts): no details, no alarm. */
export function signInGuessingMail(locale: AnyLocale, to: string, name: string, links: { signInUrl: string; resetUrl: string }): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.signInGuessing.subject"), text: letter(t, name, t("emails.signInGuessing.body", links)) };
}

export function invitationMail(input: {
  locale: AnyLocale;
  to: string;
  inviterName: string;
  caseTitle: string;
  role: CaseRole;
  message: string | null;
  url: string;
}): MailMessage {
  const t = translatorFor(input.locale);
  const inviter = input.inviterName;
  return {
    to: input.to,
    subject: t("emails.invitation.subject", { inviter }),
    text: letter(
      t,
      null,
      t("emails.invitation.join", { inviter, caseTitle: input.caseTitle, role: input.role }),
      t("emails.invitation.about"),
      // What the inviter wrote stays as they wrote it.
      ...(input.message ? ["", t("emails.invitation.wrote", { inviter }), input.message] : []),
      "",
      t("emails.invitation.link", { url: input.url }),
    ),
  };
}

/** What is coming up in a case for the reader (the kinds they get in the digest): times and counts, never an item's title. */
export interface DigestComingUp {
  visitsTomorrow: { at: Date; packetUrl: string }[];
  tasksDue: number;
  tasksOverdue: number;
  recordsWaiting: number;
  tasksGiven: number;
  tasksUrl: string;
  recordsUrl: string;
}

export interface DigestCase {
  title: string;
  url: string;
  /** How many changes others made, per section (its name only): nothing of what they were. */
  changes: { section: CaseSection; count: number }[];
  comingUp?: DigestComingUp;
}

/** The two unsubscribe links of a notification email (server/notifications/unsubscribe.ts). */
export interface UnsubscribeLinks {
  /** A page whose button unsubscribes (a link opened by a mail scanner changes nothing). */
  page: string;
  /** The RFC 8058 one-click target mail clients POST to. */
  oneClick: string;
}

/** The headers that give mail clients their one-click "Unsubscribe" (RFC 2369 and RFC 8058). */
function unsubscribeHeaders(links: UnsubscribeLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * The daily digest: how much others changed in the reader's cases since the last one, per case
 * and section. Like every email, nothing of a case beyond its title (docs/SECURITY.md).
 */
export function digestMail(input: { locale: AnyLocale; to: string; name: string; timeZone?: string; cases: DigestCase[]; unsubscribe: UnsubscribeLinks }): MailMessage {
  const t = translatorFor(input.locale);
  const timeZone = input.timeZone ?? "UTC";
  const total = input.cases.reduce((n, c) => n + c.changes.reduce((m, change) => m + change.count, 0), 0);
  const time = (at: Date) => formatterFor(input.locale, timeZone).dateTime(at, { timeStyle: "short" });
  const comingUp = (up: DigestComingUp | undefined): string[] =>
    up
      ? [
          ...up.visitsTomorrow.map((visit) => t("digest.mail.visitTomorrow", { time: time(visit.at), timeZone, url: visit.packetUrl })),
          ...(up.tasksOverdue ? [t("digest.mail.tasksOverdue", { count: up.tasksOverdue, url: up.tasksUrl })] : []),
          ...(up.tasksDue ? [t("digest.mail.tasksDue", { count: up.tasksDue, url: up.tasksUrl })] : []),
          ...(up.recordsWaiting ? [t("digest.mail.recordsWaiting", { count: up.recordsWaiting, days: RECORD_CHASE_DAYS, url: up.recordsUrl })] : []),
          ...(up.tasksGiven ? [t("digest.mail.tasksGiven", { count: up.tasksGiven, url: up.tasksUrl })] : []),
        ]
      : [];
  return {
    to: input.to,
    subject: total > 0 ? t("digest.mail.subject", { total }) : t("digest.mail.subjectComingUp"),
    text: letter(
      t,
      input.name,
      t("digest.mail.intro"),
      ...input.cases.flatMap((c) => [
        "",
        `${c.title} (${c.url})`,
        ...comingUp(c.comingUp),
        ...c.changes.map((change) => t("digest.mail.change", { count: change.count, section: t(`digest.sections.${change.section}`) })),
      ]),
      "",
      t("digest.mail.footer"),
      input.unsubscribe.page,
    ),
    headers: unsubscribeHeaders(input.unsubscribe),
  };
}

interface ReminderTo {
  locale: AnyLocale;
  email: string;
  name: string;
  /** The reader's IANA zone: times are theirs, with the zone named. */
  timeZone: string;
  unsubscribe: UnsubscribeLinks;
}

/**
 * A visit the day before or 2 hours before: when (in the reader's zone), the visit packet, and how many
 * questions are ready — a count, never their words.
 */
export function visitReminderMail(input: ReminderTo & {
  soon: boolean;
  visitAt: Date;
  caseTitle: string;
  packetUrl: string;
  questionsUrl: string;
  questions: number;
}): MailMessage {
  const t = translatorFor(input.locale);
  const when = formatterFor(input.locale, input.timeZone).dateTime(input.visitAt, { dateStyle: "full", timeStyle: "short" });
  const caseTitle = input.caseTitle;
  return {
    to: input.email,
    subject: t(input.soon ? "emails.reminders.visitSubjectSoon" : "emails.reminders.visitSubjectDay", { caseTitle }),
    text: letter(
      t,
      input.name,
      t("emails.reminders.visitWhen", { caseTitle, when, timeZone: input.timeZone }),
      "",
      t("emails.reminders.visitPacket", { url: input.packetUrl }),
      t("emails.reminders.visitQuestions", { count: input.questions, url: input.questionsUrl }),
      "",
      t("emails.reminders.why"),
      input.unsubscribe.page,
    ),
    headers: unsubscribeHeaders(input.unsubscribe),
  };
}

/** A records request with no answer after some days: ask again. Which record is not said (its title may be health information). */
export function recordChaseMail(input: ReminderTo & { days: number; caseTitle: string; recordsUrl: string }): MailMessage {
  const t = translatorFor(input.locale);
  return {
    to: input.email,
    subject: t("emails.reminders.chaseSubject", { caseTitle: input.caseTitle }),
    text: letter(
      t,
      input.name,
      t("emails.reminders.chaseBody", { caseTitle: input.caseTitle, days: input.days, url: input.recordsUrl }),
      "",
      t("emails.reminders.why"),
      input.unsubscribe.page,
    ),
    headers: unsubscribeHeaders(input.unsubscribe),
  };
}

/**
 * A task on its due day. Which task is not said (its title may be health information): the link opens
 * it, and the page says what to do.
 */
export function taskDueMail(input: ReminderTo & { caseTitle: string; forYou: boolean; taskUrl: string }): MailMessage {
  const t = translatorFor(input.locale);
  return {
    to: input.email,
    subject: t("emails.reminders.taskDueSubject", { caseTitle: input.caseTitle }),
    text: letter(
      t,
      input.name,
      t(input.forYou ? "emails.reminders.taskDueYours" : "emails.reminders.taskDueAnyone", { caseTitle: input.caseTitle }),
      t("emails.reminders.taskOpen", { url: input.taskUrl }),
      "",
      t("emails.reminders.why"),
      input.unsubscribe.page,
    ),
    headers: unsubscribeHeaders(input.unsubscribe),
  };
}

/** A task given to the reader ("assigned to me"): in which case, by when, and the link. Not the task's title. */
export function taskAssignedMail(input: ReminderTo & { caseTitle: string; dueOn: string | null; taskUrl: string }): MailMessage {
  const t = translatorFor(input.locale);
  // A calendar day: written as that day, whatever the reader's zone (decision 0036).
  const due = input.dueOn ? formatterFor(input.locale, "UTC").dateTime(new Date(`${input.dueOn}T12:00:00Z`), { dateStyle: "full" }) : null;
  return {
    to: input.email,
    subject: t("emails.reminders.assignedSubject", { caseTitle: input.caseTitle }),
    text: letter(
      t,
      input.name,
      due ? t("emails.reminders.assignedDue", { caseTitle: input.caseTitle, due }) : t("emails.reminders.assignedBody", { caseTitle: input.caseTitle }),
      t("emails.reminders.taskOpen", { url: input.taskUrl }),
      "",
      t("emails.reminders.why"),
      input.unsubscribe.page,
    ),
    headers: unsubscribeHeaders(input.unsubscribe),
  };
}

export function signInLinkMail(locale: AnyLocale, to: string, name: string, url: string): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.signInLink.subject"), text: letter(t, name, t("emails.signInLink.body", { url })) };
}

export function confirmLinkMail(locale: AnyLocale, to: string, name: string, url: string): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.confirmLink.subject"), text: letter(t, name, t("emails.confirmLink.body", { url })) };
}

export function recoveryCodeUsedMail(locale: AnyLocale, to: string, name: string, left: number): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.recoveryCodeUsed.subject"), text: letter(t, name, t("emails.recoveryCodeUsed.body", { left })) };
}

export function twoStepChangedMail(locale: AnyLocale, to: string, name: string, on: boolean): MailMessage {
  const t = translatorFor(locale);
  return {
    to,
    subject: on ? t("emails.twoStepChanged.subjectOn") : t("emails.twoStepChanged.subjectOff"),
    text: letter(t, name, on ? t("emails.twoStepChanged.bodyOn") : t("emails.twoStepChanged.bodyOff"), "", t("emails.twoStepChanged.after")),
  };
}

export function passwordChangedMail(locale: AnyLocale, to: string, name: string, change: "removed" | "set"): MailMessage {
  const t = translatorFor(locale);
  const removed = change === "removed";
  return {
    to,
    subject: removed ? t("emails.passwordChanged.subjectRemoved") : t("emails.passwordChanged.subjectSet"),
    text: letter(t, name, removed ? t("emails.passwordChanged.bodyRemoved") : t("emails.passwordChanged.bodySet"), "", t("emails.passwordChanged.after")),
  };
}

export function twoStepResetLinkMail(locale: AnyLocale, to: string, name: string, url: string): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.twoStepResetLink.subject"), text: letter(t, name, t("emails.twoStepResetLink.body", { url })) };
}

export function twoStepResetStartedMail(locale: AnyLocale, to: string, name: string, endsAt: Date, cancelUrl: string): MailMessage {
  const t = translatorFor(locale);
  // The server does not know the reader's time zone: the moment is given in UTC, and says so.
  const when = formatterFor(locale, "UTC").dateTime(endsAt, { dateStyle: "full", timeStyle: "long" });
  return { to, subject: t("emails.twoStepResetStarted.subject"), text: letter(t, name, t("emails.twoStepResetStarted.body", { endsAt: when, url: cancelUrl })) };
}

export function twoStepResetDoneMail(locale: AnyLocale, to: string, name: string): MailMessage {
  const t = translatorFor(locale);
  return { to, subject: t("emails.twoStepResetDone.subject"), text: letter(t, name, t("emails.twoStepResetDone.body")) };
}

/** Sent when a passkey is added to or removed from an account, so an intruder's change does not go unseen. */
export function passkeyChangedMail(input: {
  locale: AnyLocale;
  to: string;
  name: string;
  passkeyName: string;
  change: "added" | "removed";
  accountUrl: string;
}): MailMessage {
  const t = translatorFor(input.locale);
  const added = input.change === "added";
  const passkeyName = input.passkeyName;
  return {
    to: input.to,
    subject: added ? t("emails.passkeyChanged.subjectAdded") : t("emails.passkeyChanged.subjectRemoved"),
    text: letter(
      t,
      input.name,
      added ? t("emails.passkeyChanged.bodyAdded", { passkeyName }) : t("emails.passkeyChanged.bodyRemoved", { passkeyName }),
      "",
      t("emails.passkeyChanged.after", { url: input.accountUrl }),
    ),
  };
}

/**
 * To each other member when the owner starts or stops requiring two-step sign-in in a case. Like every
 * email, nothing of the case beyond its title.
 */
export function caseTwoStepRequirementMail(input: {
  locale: AnyLocale;
  to: string;
  name: string;
  ownerName: string;
  caseTitle: string;
  required: boolean;
  accountUrl: string;
}): MailMessage {
  const t = translatorFor(input.locale);
  const values = { title: input.caseTitle, owner: input.ownerName };
  return {
    to: input.to,
    subject: input.required ? t("emails.caseTwoStep.subjectOn", values) : t("emails.caseTwoStep.subjectOff", values),
    text: input.required
      ? letter(t, input.name, t("emails.caseTwoStep.bodyOn", values), "", t("emails.caseTwoStep.setUp"), "", input.accountUrl, "", t("emails.caseTwoStep.alreadyOn"))
      : letter(t, input.name, t("emails.caseTwoStep.bodyOff", values), "", t("emails.caseTwoStep.nothingToDo")),
  };
}
