/**
 * Sign-up by emailed link (issue 15 §4.5): the form answers "check your email" whether or not the
 * address has an account, so it reveals nothing. A new address gets a link that creates the account
 * (valid SIGN_UP_LINK_MINUTES, single use, stored as a SHA-256 like reset links); an address that
 * already has an account gets an email saying someone tried, with sign-in and reset links.
 * Every check (input, limits) comes before the slow password hash.
 */
import "server-only";
import { DEFAULT_LOCALE, type AnyLocale, type Locale } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { TRPCError } from "@trpc/server";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signUpRequests, users } from "@/db/schema";
import { safeCallbackPath } from "@/lib/vocabulary/account";
import { config } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { signUpExistingMail, signUpLinkMail } from "@/server/mail/templates";
import { hashPassword } from "./passwords";
import { takeSlot } from "./rate-limit";
import type { SessionUser } from "./sessions";
import { createToken, hashToken } from "./tokens";

export const SIGN_UP_LINK_MINUTES = 30;
/** Sign-up emails per address in an hour; more requests answer the same and send nothing. */
export const SIGN_UP_MAILS_PER_ADDRESS_PER_HOUR = 3;

export interface SignUpRequest {
  name: string;
  email: string;
  password: string;
  /** Where to go once the account exists; only a path on this site is kept. */
  callbackUrl?: string;
}

/** `locale`: the asking browser's language, for the link email (the address has no account, so no language of its own yet). */
export async function requestSignUp(db: Db, mailer: Mailer, input: SignUpRequest, clientAddress: string, locale: AnyLocale = DEFAULT_LOCALE): Promise<void> {
  const perIp = config().signUpsPerIpPerHour;
  const ipAllowed = await takeSlot(db, [{ bucket: "sign-up:ip", key: clientAddress, limit: perIp, windowMinutes: 60 }]);
  if (!ipAllowed) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: messageRef("signIn.signUp.tooMany") });
  }
  // Counted for every address, with or without an account, so the limit reveals nothing either.
  const addressAllowed = await takeSlot(db, [
    { bucket: "sign-up:address", key: input.email, limit: SIGN_UP_MAILS_PER_ADDRESS_PER_HOUR, windowMinutes: 60 },
  ]);
  if (!addressAllowed) return;
  const [existing] = await db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.email, input.email));
  // Hashed either way (last, after every check), so both answers take as long.
  const passwordHash = await hashPassword(input.password);

  const appUrl = config().appUrl;
  if (existing) {
    await mailer.send(signUpExistingMail(existing.locale, input.email, existing.name, { signInUrl: `${appUrl}/sign-in`, resetUrl: `${appUrl}/forgot-password` }));
    return;
  }
  const { token, tokenHash } = createToken();
  await db.insert(signUpRequests).values({
    email: input.email,
    name: input.name,
    passwordHash,
    tokenHash,
    nextPath: input.callbackUrl ? safeCallbackPath(input.callbackUrl) : null,
    expiresAt: new Date(Date.now() + SIGN_UP_LINK_MINUTES * 60_000),
  });
  await mailer.send(signUpLinkMail(locale, input.email, input.name, `${appUrl}/sign-up/finish?token=${encodeURIComponent(token)}`, SIGN_UP_LINK_MINUTES));
}

const usable = (token: string) =>
  and(eq(signUpRequests.tokenHash, hashToken(token)), isNull(signUpRequests.usedAt), gt(signUpRequests.expiresAt, new Date()));

/** Whether a sign-up link still works, and where it leads afterwards (the finish page asks before using it). */
export async function pendingSignUp(db: Db, token: string): Promise<{ nextPath: string | null } | null> {
  if (token.length > 200) return null;
  const [row] = await db.select({ nextPath: signUpRequests.nextPath }).from(signUpRequests).where(usable(token));
  return row ?? null;
}

/**
 * Uses a sign-up link: claims it, creates the account and ends the address's other sign-up links.
 * Null when the link is unknown, used or expired, or the address has an account by now.
 */
export async function completeSignUp(db: Db, token: unknown, locale: Locale = DEFAULT_LOCALE): Promise<SessionUser | null> {
  if (typeof token !== "string" || token.length === 0 || token.length > 200) return null;
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(signUpRequests)
      .set({ usedAt: new Date() })
      .where(usable(token))
      .returning({ email: signUpRequests.email, name: signUpRequests.name, passwordHash: signUpRequests.passwordHash });
    if (!claimed) return null;
    const [user] = await tx
      .insert(users)
      .values({ name: claimed.name, email: claimed.email, passwordHash: claimed.passwordHash, locale })
      .onConflictDoNothing()
      .returning({ id: users.id, name: users.name, email: users.email });
    await tx.delete(signUpRequests).where(and(eq(signUpRequests.email, claimed.email), isNull(signUpRequests.usedAt)));
    return user ?? null;
  });
}
