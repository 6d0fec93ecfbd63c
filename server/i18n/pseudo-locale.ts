/**
 * The pseudo-locale: every English message with its letters accented and about a third more length, so a
 * layout that only fits English, or a string that never went through the catalogue, shows at a glance.
 * Placeholders, plurals and tags are kept as they are (only literal text changes).
 */
import "server-only";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";
import type { Messages } from "@/lib/i18n/messages";

const ACCENTED: Record<string, string> = {
  a: "á", e: "é", i: "î", o: "ö", u: "ü", c: "ç", n: "ñ", s: "š", y: "ý", z: "ž",
  A: "Å", E: "É", I: "Î", O: "Ö", U: "Ü", C: "Ç", N: "Ñ", S: "Š", Y: "Ý", Z: "Ž",
};

function accent(text: string): string {
  return text.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter);
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }]),
      );
      return { ...element, options };
    }
    return element;
  });
}

/** The length of the text a reader sees (a plural's "other" form, a tag's content; placeholders not counted). */
function visibleLength(elements: MessageFormatElement[]): number {
  return elements.reduce((sum, element) => {
    if (element.type === TYPE.literal) return sum + element.value.length;
    if (element.type === TYPE.tag) return sum + visibleLength(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select) return sum + visibleLength(element.options.other?.value ?? []);
    return sum;
  }, 0);
}

export function pseudoMessage(message: string): string {
  const elements = parse(message);
  const count = Math.ceil(visibleLength(elements) * 0.3);
  // In short words, as a longer language's text would be: one unbroken run of "~" as long as a third of a
  // paragraph is wider than a phone, which no real language would make (tests/e2e/pseudo-locale.spec.ts).
  const padding = Array.from({ length: Math.ceil(count / 5) }, (_, i) => "~".repeat(Math.min(5, count - i * 5))).join(" ");
  return `[${printAST(transform(elements))}${padding ? ` ${padding}` : ""}]`;
}

type Tree = { [key: string]: string | Tree };

function pseudoTree(tree: Tree): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? pseudoMessage(value) : pseudoTree(value)]),
  );
}

let cached: Messages | undefined;

export function pseudoCatalogue(english: Messages): Messages {
  cached ??= pseudoTree(english as unknown as Tree) as unknown as Messages;
  return cached;
}
