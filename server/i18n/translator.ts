/**
 * Translation outside a page render: emails, the digest, PDFs and error messages are written in their
 * reader's language, which is not always the language of the request that caused them (an invitation
 * email goes out in the invitee's language; a packet can be downloaded in either language).
 */
import "server-only";
import { createFormatter, createTranslator } from "next-intl";
import { DEFAULT_LOCALE, PSEUDO_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { parseMessageRef, valuesIn } from "@/lib/i18n/message-ref";
import { catalogues } from "./catalogue";
import { pseudoCatalogue } from "./pseudo-locale";

export function messagesFor(locale: AnyLocale): Messages {
  return locale === PSEUDO_LOCALE ? pseudoCatalogue(catalogues[DEFAULT_LOCALE]) : catalogues[locale];
}

type Translator = ReturnType<typeof createTranslatorFor>;
type Formatter = ReturnType<typeof createFormatter>;
const createTranslatorFor = (locale: AnyLocale) => createTranslator({ locale, messages: messagesFor(locale) });

// One translator per language and one formatter per language and time zone for the whole process: each
// keeps next-intl's cache of parsed messages and Intl formatters, which a fresh one would build again on
// every call (a feed of 30 entries parsed its messages 30 times; docs/PERFORMANCE.md "Phone").
const translators = new Map<AnyLocale, Translator>();
const formatters = new Map<string, Formatter>();

/** A translator for every namespace; `t("emails.signIn.subject")`. */
export function translatorFor(locale: AnyLocale): Translator {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = createTranslatorFor(locale)));
  return translator;
}

/** Dates, numbers and lists in a locale and time zone. */
export function formatterFor(locale: AnyLocale, timeZone?: string): Formatter {
  const key = `${locale} ${timeZone ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = createFormatter({ locale, timeZone })));
  return formatter;
}

/**
 * A message reference (lib/i18n/message-ref.ts) in words. Text that is not a reference is returned as it
 * is; a reference to a key the catalogue lacks becomes the generic "check this field" message. Values given
 * as catalogue words (`words(key)`) are put in in `locale` too.
 */
export function translateRef(text: string, locale: AnyLocale): string {
  const ref = parseMessageRef(text);
  if (!ref) return text;
  const t = translatorFor(locale);
  const key = ref.key as Parameters<typeof t>[0];
  if (!t.has(key)) return t("validation.invalid");
  return t(key, valuesIn(ref.values, (inner) => (t.has(inner as typeof key) ? t(inner as typeof key) : null)));
}
