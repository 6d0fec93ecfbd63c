/**
 * Telling a person by email that someone is guessing their password: once a day at most, when
 * unknown browsers are being held back for their account (throttle.ts). The email says nothing but
 * that; a failure to send it never changes the sign-in's answer.
 */
import "server-only";
import type { Db } from "@/db/client";
import { config } from "@/server/env";
import { logServerError } from "@/server/log";
import type { Mailer } from "@/server/mail";
import { localeOfUser } from "@/server/mail/recipient";
import { signInGuessingMail } from "@/server/mail/templates";
import { takeSlot } from "./rate-limit";

export const GUESSING_WARNING_WINDOW_MINUTES = 24 * 60;

export async function warnOfGuessing(db: Db, mailer: Mailer, user: { id: string; name: string; email: string }): Promise<void> {
  try {
    const due = await takeSlot(db, [{ bucket: "guessing-warning", key: user.id, limit: 1, windowMinutes: GUESSING_WARNING_WINDOW_MINUTES }]);
    if (!due) return;
    const appUrl = config().appUrl;
    await mailer.send(signInGuessingMail(await localeOfUser(db, user.id), user.email, user.name, { signInUrl: `${appUrl}/sign-in`, resetUrl: `${appUrl}/forgot-password` }));
  } catch (error) {
    logServerError("mail.sign-in-warning", error, { userId: user.id });
  }
}
