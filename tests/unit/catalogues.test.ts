/**
 * The message catalogues stay whole: every language has every key English has (and no others), each
 * message parses as ICU, and a translation uses exactly the placeholders and tags of the English one —
 * a missing `{count}` or a dropped `<link>` would show raw or lose a link in one language only.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import compile from "icu-minify/compile";
import format, { type CompiledMessage } from "icu-minify/format";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { parseMessageRef, messageRef, words } from "@/lib/i18n/message-ref";
import { NAMESPACES } from "@/lib/i18n/namespaces";
import { catalogues } from "@/server/i18n/catalogue";
import { negotiateLocale } from "@/server/i18n/negotiate";
import { pseudoMessage, type CompiledNode } from "@/server/i18n/pseudo-locale";
import { translateRef } from "@/server/i18n/translator";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The placeholders and tags a message uses, e.g. ["arg:count", "tag:link"]. */
function slots(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.tag) {
      into.add(`tag:${element.value}`);
      slots(element.children, into);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(`arg:${element.value}`);
      for (const option of Object.values(element.options)) slots(option.value, into);
    } else if (element.type !== TYPE.literal && element.type !== TYPE.pound) {
      into.add(`arg:${element.value}`);
    }
  }
  return into;
}

/** Values for every placeholder and tag of a message: a number where it counts or chooses by number, a date for dates. */
function sampleValues(elements: MessageFormatElement[], into: Record<string, string | number | Date | ((chunks: string[]) => string)> = {}) {
  for (const element of elements) {
    if (element.type === TYPE.tag) {
      into[element.value] = (chunks) => `<${element.value}>${chunks.join("")}</${element.value}>`;
      sampleValues(element.children, into);
    } else if (element.type === TYPE.plural || element.type === TYPE.number) {
      into[element.value] = 2;
      if (element.type === TYPE.plural) for (const option of Object.values(element.options)) sampleValues(option.value, into);
    } else if (element.type === TYPE.select) {
      into[element.value] ??= Object.keys(element.options).find((k) => k !== "other") ?? "other";
      for (const option of Object.values(element.options)) sampleValues(option.value, into);
    } else if (element.type === TYPE.date || element.type === TYPE.time) {
      into[element.value] = new Date(Date.UTC(2026, 10, 30, 14, 5));
    } else if (element.type === TYPE.argument) {
      // A plural's own number, written plainly inside it ({n, plural, one {{n} …}}), stays a number.
      into[element.value] ??= `«${element.value}»`;
    }
  }
  return into;
}

/** What icu-minify's formatter (the one the app's build uses) needs of Intl. */
const formatters = {
  getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
  getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
  getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a),
};

const english = flatten(catalogues.en as unknown as Tree);

describe("message catalogues", () => {
  it("has one file per namespace in every language", () => {
    for (const locale of LOCALES) expect(Object.keys(catalogues[locale]).sort()).toEqual([...NAMESPACES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    it(`${locale} has exactly the English keys`, () => {
      const other = flatten(catalogues[locale] as unknown as Tree);
      expect([...other.keys()].filter((k) => !english.has(k)), "keys only in this language").toEqual([]);
      expect([...english.keys()].filter((k) => !other.has(k)), "keys missing in this language").toEqual([]);
    });

    it(`${locale} uses the same placeholders and tags as English`, () => {
      const other = flatten(catalogues[locale] as unknown as Tree);
      const different: string[] = [];
      for (const [key, message] of english) {
        const translated = other.get(key);
        if (translated === undefined) continue;
        const a = [...slots(parse(message))].sort().join(",");
        const b = [...slots(parse(translated))].sort().join(",");
        if (a !== b) different.push(`${key}: en {${a}} vs ${locale} {${b}}`);
      }
      expect(different).toEqual([]);
    });
  }

  it("reads the same compiled, as the app's build sends it (next.config.ts), as parsed at run time, as tests read it", () => {
    const differ: string[] = [];
    for (const locale of LOCALES) {
      const t = createTranslator({ locale, messages: catalogues[locale], timeZone: "UTC" });
      for (const [key, message] of flatten(catalogues[locale] as unknown as Tree)) {
        const values = sampleValues(parse(message));
        const atRunTime = t.markup(key as never, values as never);
        const shown = format(compile(message), locale, values, { formatters, timeZone: "UTC" });
        const compiled = Array.isArray(shown) ? shown.join("") : String(shown);
        if (compiled !== atRunTime) differ.push(`${locale} ${key}: ${JSON.stringify(atRunTime)} vs compiled ${JSON.stringify(compiled)}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it("has no empty message", () => {
    for (const locale of LOCALES) {
      const empty = [...flatten(catalogues[locale] as unknown as Tree)].filter(([, m]) => m.trim() === "").map(([k]) => k);
      expect(empty, locale).toEqual([]);
    }
  });
});

describe("message references", () => {
  it("put a server message in the reader's language, with its values", () => {
    const ref = messageRef("validation.tooLong", { max: 2000 });
    expect(parseMessageRef(ref)).toEqual({ key: "validation.tooLong", values: { max: 2000 } });
    expect(translateRef(ref, "en")).toBe("Please keep this under 2,000 characters.");
    expect(translateRef(ref, "es")).toMatch(/2000|2\.000|2 000/);
    expect(translateRef(ref, "es")).not.toBe(translateRef(ref, "en"));
  });

  it("put values given as catalogue words in the reader's language, and what people wrote as written", () => {
    const ref = messageRef("records.activity.statusChanged", { title: "records.status", status: words("records.statusLower.received") });
    expect(translateRef(ref, "en")).toBe('"records.status": received');
    expect(translateRef(ref, "es")).toBe('"records.status": recibido');
  });

  it("say which of a question's flags changed, one or both", () => {
    const flags = (pinned: string, asked: string) => messageRef("questions.activity.flagsChanged", { pinned, asked, text: "Why now?" });
    expect(translateRef(flags("yes", "none"), "en")).toBe('Marked as a priority: "Why now?"');
    expect(translateRef(flags("none", "no"), "en")).toBe('Marked as not asked yet: "Why now?"');
    expect(translateRef(flags("no", "yes"), "en")).toBe('Unmarked as a priority, marked as asked: "Why now?"');
    expect(translateRef(flags("none", "none"), "en")).toBe('Updated: "Why now?"');
    expect(translateRef(flags("yes", "yes"), "es")).toBe('Marcó como prioridad, marcó como hecha: "Why now?"');
  });

  it("leave words alone and turn an unknown key into the generic message", () => {
    expect(translateRef("Already words, with spaces.", "es")).toBe("Already words, with spaces.");
    expect(translateRef("validation.noSuchKey", "en")).toBe(catalogues.en.validation.invalid);
  });
});

describe("choosing a language", () => {
  it("follows the browser's preferences among the languages there are, else English", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("fr-FR,es;q=0.5,en;q=0.4")).toBe("es");
    expect(negotiateLocale("de-DE")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("!!garbage;;q=x")).toBe("en");
  });
});

describe("the pseudo-locale", () => {
  it("accents and lengthens text but keeps placeholders, plurals and tags working", () => {
    const message = "You have {count, plural, one {# question} other {# questions}} for <link>{name}</link>.";
    const pseudo = pseudoMessage(message);
    expect([...slots(parse(pseudo))].sort()).toEqual([...slots(parse(message))].sort());
    expect(pseudo).toContain("qüéštîöñ");
    const plain = "Write down what the doctor said.";
    expect(pseudoMessage(plain).length).toBeGreaterThanOrEqual(plain.length * 1.3);
    // The padding breaks like words: no run longer than English's own words plus a few letters.
    const long = "SecondLook helps you organise and reflect. It does not give medical advice. In an emergency, call your local emergency number.";
    expect(Math.max(...pseudoMessage(long).split(" ").map((word) => word.length))).toBeLessThanOrEqual(12);
  });

  it("does the same to a message the build compiled (next.config.ts), which stays compiled", () => {
    const message = "You have {count, plural, one {# question} other {# questions}} for <link>{name}</link>.";
    const pseudo = pseudoMessage(compile(message) as CompiledNode[]);
    const shown = format(pseudo as CompiledMessage, "en", { count: 2, name: "Ana", link: (chunks) => `<a>${chunks.join("")}</a>` }, { formatters });
    expect(Array.isArray(shown) ? shown.join("") : shown).toBe("[Ýöü hávé 2 qüéštîöñš för <a>Ana</a>. ~~~~~ ~~~]");
  });
});
