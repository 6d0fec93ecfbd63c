/**
 * The browser gets only the parts of the catalogue its client components use (issue 16): each part of the
 * app declares them in `<ClientMessages namespaces={…}>` (components/i18n/client-messages.tsx), as whole
 * namespaces ("sharing") or dotted paths into one ("account.menu"). This test reads the code: for every
 * page and layout, what the client components under it need must be within what the nearest layout with
 * a `ClientMessages` declares plus the base set (a provider replaces the one around it, it does not add
 * to it). A need is `useTranslations("ns.path")`'s argument, or a key written as "ns.…" in client code or
 * in a lib/ contract it imports (a message reference checked in the browser); it is met by itself or by
 * any prefix of it. A key built at run time (`ns.${…}`) needs what the test can resolve of it, at worst the
 * whole namespace. A client component that starts using new words fails here, not as a raw key on screen.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BROWSER_BASE_MESSAGES, NAMESPACES, type MessageTree } from "@/lib/i18n/namespaces";
import { catalogues } from "@/server/i18n/catalogue";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENGLISH: MessageTree = catalogues.en;

function resolveImport(spec: string, from: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The longest part of a dotted key that is in the catalogue: "records.json" or "account.${x}" need the namespace. */
function resolvable(key: string): string {
  const [namespace, ...rest] = key.split(".");
  let node: string | MessageTree | undefined = ENGLISH[namespace!];
  const found = [namespace!];
  for (const part of rest) {
    node = typeof node === "object" ? node[part] : undefined;
    if (node === undefined) break;
    found.push(part);
  }
  return found.join(".");
}

const KEY = new RegExp(`(["'\`])((?:${NAMESPACES.join("|")})\\.[^"'\`]*)`, "g");

/** What a file's code asks of the catalogue: `useTranslations` arguments and keys written as "ns.…". */
function needsIn(text: string): Set<string> {
  const needs = new Set<string>();
  for (const [, quote, literal] of text.matchAll(KEY)) {
    if (quote === "`" && literal!.includes("${")) {
      // A key built at run time: only the part before the first `${` is known.
      needs.add(resolvable(literal!.split("${")[0]!));
    } else if (resolvable(literal!) === literal) {
      // A whole key or subtree. A written string that is not one (typed `t()` refuses unknown keys) is a
      // key relative to another namespace ("notes.none" under `opinions`) or no key at all ("records.json").
      needs.add(literal!);
    }
  }
  for (const [, argument] of text.matchAll(/useTranslations\(\s*["'`]([^"'`]*)/g)) {
    if (argument) needs.add(resolvable(argument.split("${")[0]!));
  }
  return needs;
}

type Source = { client: boolean; imports: string[]; needs: Set<string> };
const sources = new Map<string, Source>();

function read(file: string): Source {
  let source = sources.get(file);
  if (!source) {
    const text = readFileSync(file, "utf8");
    // Static imports, re-exports and `import()` (next/dynamic, lazy resolvers): all end up in the browser.
    // Type-only imports never reach the browser.
    const specs = [
      ...text.matchAll(/^(?!(?:import|export)\s+type\b)[^\n]*?from\s+["']([^"']+)["']/gm),
      ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    const imports = specs
      .map((spec) => resolveImport(spec, file))
      .filter((f): f is string => f !== null && /^(components|app|lib)\//.test(path.relative(ROOT, f)));
    // Comments name keys to explain them, not to use them.
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    // lib/ holds many "ns.something" strings that are not keys (activity actions, procedure names); what
    // of it the browser translates is a contract's message reference, checked in a form.
    const needs = path.relative(ROOT, file).startsWith("lib/")
      ? needsIn([...code.matchAll(/messageRef\(\s*("[^"]*")/g)].map((m) => m[1]!).join("\n"))
      : needsIn(code);
    source = { client: /^\s*["']use client["']/.test(text), imports, needs };
    sources.set(file, source);
  }
  return source;
}

/** What the client components `file` renders need (a server component's own words stay on the server). */
function clientNeeds(file: string, inClient = false, seen = new Set<string>()): Set<string> {
  const key = `${inClient}:${file}`;
  if (seen.has(key)) return new Set();
  seen.add(key);
  const { client, imports, needs: own } = read(file);
  const inside = inClient || client;
  const needs = new Set(inside ? own : []);
  for (const imported of imports) for (const n of clientNeeds(imported, inside, seen)) needs.add(n);
  return needs;
}

/** What the `<ClientMessages namespaces={[…]}>` in a file declare, together; null when it has none. */
function declaration(file: string): string[] | null {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  if (!/<ClientMessages[\s>]/.test(text)) return null;
  return [...text.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1]!.matchAll(/"([A-Za-z.]+)"/g)].map((n) => n[1]!));
}

/**
 * What the nearest `ClientMessages` around `file` (its own layout's included) sends, and what a page
 * wraps one part of itself in (words sent only with that part, such as the questions' suggestions):
 * counted for the whole page, which is looser than the truth but keeps the check to reading imports.
 */
function provided(file: string): string[] {
  const own = file.endsWith("page.tsx") ? (declaration(file) ?? []) : [];
  for (let dir = path.dirname(file); dir.startsWith(path.join(ROOT, "app")); dir = path.dirname(dir)) {
    const declared = declaration(path.join(dir, "layout.tsx"));
    if (declared) return [...BROWSER_BASE_MESSAGES, ...declared, ...own];
  }
  return own.length > 0 ? [...BROWSER_BASE_MESSAGES, ...own] : [];
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^(page|layout|error|not-found|loading)\.tsx$/.test(name) ? [full] : [];
  });
}

const SERVER_ONLY = new Set(["accessibility", "digest", "emails", "privacy"]);

function missingFor(needs: Iterable<string>, sent: readonly string[]): string[] {
  return [...needs].filter((need) => !SERVER_ONLY.has(need.split(".")[0]!) && !sent.some((p) => need === p || need.startsWith(`${p}.`))).sort();
}

describe("messages sent to the browser", () => {
  const files = routeFiles(path.join(ROOT, "app"));

  it("finds the app's pages", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it("counts a need as met by the path itself or any prefix, never by a longer path", () => {
    expect(missingFor(["account.menu.label", "account.menu", "signIn.validation.emailMissing"], ["account.menu", "signIn"])).toEqual([]);
    expect(missingFor(["account"], ["account.menu", "account.confirm"])).toEqual(["account"]);
    expect(missingFor(["account.menuX"], ["account.menu"])).toEqual(["account.menuX"]);
    const written = 't("cases.nav.label"); useTranslations("account.confirm"); `records.${kind}`; `cases.sections.${s}`; "records.json"; t("notes.none")';
    expect([...needsIn(written)].sort()).toEqual(["account.confirm", "cases.nav.label", "cases.sections", "records"]);
  });

  it("declares only paths the catalogue has", () => {
    const declared = files.flatMap((file) => declaration(file) ?? []);
    for (const p of [...BROWSER_BASE_MESSAGES, ...declared]) expect(resolvable(p), p).toBe(p);
  });

  it.each(files.map((f) => path.relative(ROOT, f)))("%s gets every message its client components use", (relative) => {
    const file = path.join(ROOT, relative);
    expect(missingFor(clientNeeds(file), provided(file))).toEqual([]);
  });
});
