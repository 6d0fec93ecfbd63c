/**
 * The app's words in a language, for specs that drive it in Spanish as well as English: a selector reads
 * its text from the catalogue (lib/i18n/messages/<locale>/), so a spec repeats no translation and follows a
 * reworded message. Keys are typed after the English catalogue, so a wrong key fails `npm run typecheck`.
 *
 *   const es = wordsFor("es");
 *   es("cases.list.start");                               // "Comenzar un caso nuevo"
 *   es("opinions.defaultLabel", { index: 0 });            // ICU placeholders filled as the app fills them
 *   textOf(es, "decision.record.recordedBy", { name }); // a message with markup, as the text a reader sees
 */
import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { NAMESPACES } from "@/lib/i18n/namespaces";

function catalogue(locale: Locale): Messages {
  const entries = NAMESPACES.map((namespace) => {
    const file = new URL(`../../lib/i18n/messages/${locale}/${namespace}.json`, import.meta.url);
    return [namespace, JSON.parse(readFileSync(file, "utf8")) as unknown];
  });
  return Object.fromEntries(entries) as Messages;
}

export function wordsFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogue(locale) });
}

export type Words = ReturnType<typeof wordsFor>;
type MarkupKey = Parameters<Words["markup"]>[0];
type Values = Record<string, string | number>;

/** The tags our messages use, each rendered as the words inside it (a date tag is filled by the page: left empty). */
const AS_TEXT = { strong: (words: string) => words, hidden: (words: string) => words, link: (words: string) => words, date: () => "" };

/** A message with markup (<strong>, <date/>…) as plain text. */
export function textOf(t: Words, key: MarkupKey, values: Values = {}): string {
  return t.markup(key, { ...AS_TEXT, ...values } as Parameters<Words["markup"]>[1]);
}

/** The words inside one tag of a message, e.g. a link's name in "<link>Prepare the visit packet</link> — …". */
export function tagText(t: Words, key: MarkupKey, tag: keyof typeof AS_TEXT, values: Values = {}): string {
  const marked = t.markup(key, { ...AS_TEXT, ...values, [tag]: (words: string) => `\u0000${words}\u0000` } as Parameters<Words["markup"]>[1]);
  const inside = marked.split("\u0000")[1];
  if (inside === undefined) throw new Error(`no <${tag}> in ${key}`);
  return inside;
}

/** A message's text up to and including `until` (e.g. "Recorded by Olivia Owner" of "Recorded by Olivia Owner on <date>"). */
export function textUpTo(text: string, until: string): string {
  const at = text.indexOf(until);
  if (at < 0) throw new Error(`"${until}" is not in "${text}"`);
  return text.slice(0, at + until.length);
}
