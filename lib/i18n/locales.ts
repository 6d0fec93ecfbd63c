/** The languages SecondLook speaks, and how each is named to a person who reads it. */

export const LOCALES = ["en", "es"] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/**
 * A made-up language for checking layouts while developing: accented and about a third longer than English
 * (lib/i18n/pseudo-locale.ts). Offered only where ENABLE_PSEUDO_LOCALE is set (on in `npm run dev`).
 */
export const PSEUDO_LOCALE = "en-XA";

export type AnyLocale = Locale | typeof PSEUDO_LOCALE;

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<AnyLocale, string> = { en: "English", es: "Español", "en-XA": "Ëñğļîšĥ (pseudo)" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The cookie a signed-out browser's language choice lives in (signed-in people keep theirs in their account). */
export const LOCALE_COOKIE = "secondlook-locale";
