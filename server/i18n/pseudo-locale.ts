/**
 * The pseudo-locale: every English message with its letters accented and about a third more length, so a
 * layout that only fits English, or a string that never went through the catalogue, shows at a glance.
 * Placeholders, plurals and tags are kept as they are (only literal text changes).
 *
 * In the app the catalogues arrive compiled (next.config.ts precompiles them at build time: plain text
 * stays a string, anything with a placeholder or tag becomes icu-minify's nodes); tests and scripts import
 * them as ICU text. Both are handled, each kept in its own form.
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

/** In short words, as a longer language's text would be: one unbroken run of "~" as long as a third of a
 * paragraph is wider than a phone, which no real language would make (tests/e2e/pseudo-locale.spec.ts). */
function padding(visible: number): string {
  const count = Math.ceil(visible * 0.3);
  const words = Array.from({ length: Math.ceil(count / 5) }, (_, i) => "~".repeat(Math.min(5, count - i * 5))).join(" ");
  return words ? ` ${words}` : "";
}

// icu-minify's compiled nodes (icu-minify/dist/types/types.d.ts): text is a string, `#` is 0, an
// argument is [name], a select or plural is [name, 1 | 2 | 3, options], a number, date or time is
// [name, 4 | 5 | 6, style?], and a tag is [name, ...children].
export type CompiledNode = string | number | CompiledNode[] | { [key: string]: CompiledNode };
const isChoice = (node: CompiledNode[]) => node[1] === 1 || node[1] === 2 || node[1] === 3;
const isFormatted = (node: CompiledNode[]) => node[1] === 4 || node[1] === 5 || node[1] === 6;

function compiledNodes(nodes: CompiledNode[]): CompiledNode[] {
  return nodes.map((node) => {
    if (typeof node === "string") return accent(node);
    if (!Array.isArray(node) || node.length === 1 || isFormatted(node)) return node;
    const name = node[0] as string;
    if (isChoice(node)) {
      const options = node[2] as Record<string, CompiledNode>;
      return [name, node[1] as number, Object.fromEntries(Object.entries(options).map(([key, option]) => [key, compiledOption(option)]))];
    }
    return [name, ...compiledNodes(node.slice(1))];
  });
}

const compiledOption = (option: CompiledNode): CompiledNode => (typeof option === "string" ? accent(option) : Array.isArray(option) ? compiledNodes(option) : option);

function compiledLength(nodes: CompiledNode[]): number {
  return nodes.reduce<number>((sum, node) => {
    if (typeof node === "string") return sum + node.length;
    if (!Array.isArray(node) || node.length === 1 || isFormatted(node)) return sum;
    if (isChoice(node)) {
      const other = (node[2] as Record<string, CompiledNode>).other;
      return sum + (typeof other === "string" ? other.length : Array.isArray(other) ? compiledLength(other) : 0);
    }
    return sum + compiledLength(node.slice(1));
  }, 0);
}

/** A message in the pseudo-locale, in the form it came in: ICU text stays ICU text, compiled nodes stay nodes. */
export function pseudoMessage(message: string): string;
export function pseudoMessage(message: string | CompiledNode[]): string | CompiledNode[];
export function pseudoMessage(message: string | CompiledNode[]): string | CompiledNode[] {
  if (Array.isArray(message)) return ["[", ...compiledNodes(message), `${padding(compiledLength(message))}]`];
  const elements = parse(message);
  return `[${printAST(transform(elements))}${padding(visibleLength(elements))}]`;
}

type Tree = { [key: string]: string | CompiledNode[] | Tree };

function pseudoTree(tree: Tree): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === "string" || Array.isArray(value) ? pseudoMessage(value) : pseudoTree(value)]),
  );
}

let cached: Messages | undefined;

export function pseudoCatalogue(english: Messages): Messages {
  cached ??= pseudoTree(english as unknown as Tree) as unknown as Messages;
  return cached;
}
