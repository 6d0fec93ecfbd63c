/** A real SMTP server on loopback that keeps what it receives, so tests read delivered mail. */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** Header lines by lower-case name, values as sent. */
  headers: Record<string, string>;
}

/**
 * Listens on loopback (`port` 0: any free one) and hands each message, parsed, to `onMail`. Also the
 * end-to-end runs' mail server (tests/e2e/mail-sink.ts), which writes what it gets to files.
 */
export async function listenForMail(port: number, onMail: (mail: ReceivedMail) => void, refusing: () => boolean = () => false) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A mail server that is refusing for now answers 451 to each recipient (a temporary failure).
    onRcptTo(_address, _session, done) {
      if (!refusing()) return done();
      done(Object.assign(new Error("Try again later"), { responseCode: 451 }));
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((parsed) => {
          onMail({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers: Object.fromEntries(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()])),
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  let waiting: ((mail: ReceivedMail) => boolean)[] = [];
  let refusing = false;
  const { port, close } = await listenForMail(
    0,
    (mail) => {
      received.push(mail);
      waiting = waiting.filter((take) => !take(mail));
    },
    () => refusing,
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** While on, every message is refused with 451 (try again later), as a mail server under strain does. */
    refuse(on: boolean) {
      refusing = on;
    },
    /** The next mail to arrive (or one already received for `to`). */
    nextMailTo(to: string, timeoutMs = 5000): Promise<ReceivedMail> {
      const already = received.find((m) => m.to.includes(to));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((mail) => {
          if (!mail.to.includes(to)) return false;
          clearTimeout(timer);
          resolve(mail);
          return true;
        });
      });
    },
    close,
  };
}
