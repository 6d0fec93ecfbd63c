/**
 * Sending email through one interface: SMTP (nodemailer) when SMTP_URL is set, otherwise the
 * message is written to the server log so a developer can follow its links.
 */
import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/server/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe on the digest. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** True when mail really leaves the server (SMTP); false when it only goes to the log. */
  readonly delivers: boolean;
  send(message: MailMessage): Promise<void>;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    delivers: true,
    async send({ to, subject, text, headers }) {
      await transport.sendMail({ from, to, subject, text, headers });
    },
  };
}

export function createLogMailer(log: (line: string) => void = console.info): Mailer {
  return {
    delivers: false,
    async send({ to, subject, text }) {
      log(`[mail] (SMTP_URL not set; not sent) To: ${to}\nSubject: ${subject}\n\n${text}\n[mail] end`);
    },
  };
}

let appMailer: Mailer | undefined;

export function getMailer(): Mailer {
  const { smtpUrl, mailFrom } = config();
  appMailer ??= smtpUrl ? createSmtpMailer(smtpUrl, mailFrom) : createLogMailer();
  return appMailer;
}

/**
 * Whether emailed links (password reset) can reach people: with SMTP, or outside production where
 * the developer reads them from the log.
 */
export function emailLinksAvailable(): boolean {
  const { smtpUrl, nodeEnv } = config();
  return Boolean(smtpUrl) || nodeEnv !== "production";
}
