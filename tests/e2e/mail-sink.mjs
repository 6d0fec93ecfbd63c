// The end-to-end runs' mail server: a real SMTP server on loopback (started by playwright.config.ts
// next to the app) that writes each message it receives as one JSON file into E2E_MAIL_DIR, where
// tests/e2e/helpers.ts `nextMailTo` reads it. Files, because tests run in other processes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const dir = process.env.E2E_MAIL_DIR;
const port = Number(process.env.E2E_SMTP_PORT);
if (!dir || !port) throw new Error("E2E_MAIL_DIR and E2E_SMTP_PORT must be set");

let sequence = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, done) {
    simpleParser(stream)
      .then((parsed) => {
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          receivedAt: Date.now(),
        };
        sequence += 1;
        writeFileSync(path.join(dir, `${Date.now()}-${String(sequence).padStart(6, "0")}.json`), JSON.stringify(mail));
        done();
      })
      .catch(done);
  },
});
server.listen(port, "127.0.0.1", () => console.info(`mail sink on ${port}, writing to ${dir}`));
