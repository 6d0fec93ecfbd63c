/** A browser's language from its request alone: no account, no session (so the auth layer can use it). */
import "server-only";
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, isLocale, type Locale } from "@/lib/i18n/locales";

/** The best of our languages for an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages();
  try {
    return match(requested, LOCALES, DEFAULT_LOCALE) as Locale;
  } catch {
    // A malformed tag in the header: fall back rather than fail the page.
    return DEFAULT_LOCALE;
  }
}

/** A browser's language from its request alone (no account): its switch's cookie, else Accept-Language. For new accounts. */
export function browserLocale(request: Request): Locale {
  const cookie = cookieValue(request.headers.get("cookie"), LOCALE_COOKIE);
  return isLocale(cookie) ? cookie : negotiateLocale(request.headers.get("accept-language"));
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

