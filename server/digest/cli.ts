/**
 * `npm run digest`: sends the email digests that are due now, for a cron job. Safe alongside running
 * app instances (which do the same every few minutes): each person is claimed by one sender only.
 */
import "server-only";
import { closeDatabase, ensureDatabase } from "@/server/database/connection";
import { config } from "@/server/env";
import { getMailer } from "@/server/mail";
import { sendDueDigests } from "./digest";

if (!config().smtpUrl) {
  console.log("SMTP_URL is not set, so no digest can be sent.");
} else {
  const database = await ensureDatabase();
  const { claimed, sent } = await sendDueDigests(database.db, getMailer(), new Date());
  console.log(`Digests: ${claimed} due, ${sent} sent (the others had nothing new).`);
  await closeDatabase();
}
