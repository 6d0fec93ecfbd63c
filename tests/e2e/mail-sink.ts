// The end-to-end runs' mail server: the tests' SMTP sink (tests/support/smtp-sink.ts) on a fixed
// loopback port, started by playwright.config.ts next to the app (through tsx, as it is TypeScript),
// writing each message it receives as one JSON file into E2E_MAIL_DIR, where tests/e2e/helpers.ts
// `nextMailTo` reads it. Files, because tests run in other processes.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { listenForMail } from "../support/smtp-sink";

const dir = process.env.E2E_MAIL_DIR;
const port = Number(process.env.E2E_SMTP_PORT);
if (!dir || !port) throw new Error("E2E_MAIL_DIR and E2E_SMTP_PORT must be set");

let sequence = 0;
await listenForMail(port, (mail) => {
  sequence += 1;
  writeFileSync(path.join(dir, `${Date.now()}-${String(sequence).padStart(6, "0")}.json`), JSON.stringify({ ...mail, receivedAt: Date.now() }));
});
console.info(`mail sink on ${port}, writing to ${dir}`);
