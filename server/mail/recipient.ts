/**
 * Which language an email is written in: always its recipient's. A person with an account reads it in
 * their account's language (`users.locale`); an invitation to an address without an account is written in
 * the language of the person who sent it.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

/** The language of the person with this id (English if the account is gone). */
export async function localeOfUser(db: Db, userId: string): Promise<Locale> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale ?? DEFAULT_LOCALE;
}

/** An invitation's language: the invitee's own if the address has an account, else the inviter's. */
export async function invitationLocale(db: Db, inviteeEmail: string, inviterId: string): Promise<Locale> {
  // Addresses are kept in lower case (lib/account.ts), invitations' too.
  const [invitee] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, inviteeEmail));
  return invitee?.locale ?? localeOfUser(db, inviterId);
}
