/**
 * Which language a request is answered in: the signed-in person's own choice (their account), else the
 * signed-out browser's choice (a cookie set by the language switch), else the browser's Accept-Language,
 * else English. Cached per request, so a page and its tRPC calls agree.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { cache } from "react";
import { users } from "@/db/schema";
import { LOCALE_COOKIE, PSEUDO_LOCALE, isLocale, type AnyLocale, type Locale } from "@/lib/i18n/locales";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/database/connection";
import { readBeforeProcedure } from "@/server/database/outage";
import { config } from "@/server/env";
import { cookieValue, negotiateLocale } from "./negotiate";

/** A signed-out browser's own choice, if it made one. The pseudo-locale only where it is switched on. */
export function localeFromCookie(value: string | undefined): AnyLocale | null {
  if (isLocale(value)) return value;
  if (value === PSEUDO_LOCALE && config().pseudoLocale) return PSEUDO_LOCALE;
  return null;
}

/** The language of a request, from its headers: pages and server actions (next/headers), route handlers and tRPC (the request's). */
export async function localeOf(requestHeaders: Headers): Promise<AnyLocale> {
  const chosen = localeFromCookie(cookieValue(requestHeaders.get("cookie"), LOCALE_COOKIE));
  // The pseudo-locale overrides the account's language: it is a developer's switch for this browser.
  if (chosen === PSEUDO_LOCALE) return chosen;
  const own = await accountLocale();
  return own ?? chosen ?? negotiateLocale(requestHeaders.get("accept-language"));
}

/** The language of the request being rendered (pages, layouts, server actions). Cached per request. */
export const requestLocale = cache(async (): Promise<AnyLocale> => localeOf(await headers()));

/** Cached per request: the page's messages and its tRPC caller's context both ask (one read, not two). */
const accountLocale = cache(async (): Promise<Locale | null> => {
  try {
    const session = await getSession();
    if (!session) return null;
    const db = await getDb();
    const [row] = await readBeforeProcedure(db, () => db.select({ locale: users.locale }).from(users).where(eq(users.id, session.user.id)));
    return row?.locale ?? null;
  } catch {
    // No database (an outage page) is no reason to lose the browser's language, nor to wait for it.
    return null;
  }
});
