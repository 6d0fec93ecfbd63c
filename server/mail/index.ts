/**
 * Sending email through one interface: SMTP (nodemailer) when SMTP_URL is set, otherwise (in
 * development) the message is written to the server log so a developer can follow its links.
 */
import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/server/env";
import { logger } from "@/server/log";

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

/**
 * Without SMTP: in development each email is printed whole, so the developer can follow its link;
 * in production only a line saying one was not sent — an email's links are secrets and its words
 * may be health text, so neither goes to a production log.
 */
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
  const { smtpUrl, mailFrom, nodeEnv } = config();
  appMailer ??= smtpUrl
    ? createSmtpMailer(smtpUrl, mailFrom)
    : nodeEnv === "production"
      ? { delivers: false, send: async () => void logger.warn({ event: "mail.not-sent", reason: "SMTP_URL not set" }) }
      : createLogMailer();
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
