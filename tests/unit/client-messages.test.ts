/**
 * The browser gets only the namespaces its client components use (issue 16): each part of the app declares
 * them in `<ClientMessages namespaces={…}>` (components/i18n/client-messages.tsx). This test reads the code:
 * for every page and layout, the namespaces the client components under it name (`useTranslations("ns")`,
 * or a key written as "ns.…") must be among those its own and its ancestors' layouts declare, plus the
 * base set. A client component that starts using a new namespace fails here, not as a raw key on screen.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BROWSER_BASE_NAMESPACES, NAMESPACES } from "@/lib/i18n/namespaces";

const ROOT = path.resolve(import.meta.dirname, "../..");

function resolveImport(spec: string, from: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

type Source = { client: boolean; imports: string[]; named: Set<string> };
const sources = new Map<string, Source>();

function read(file: string): Source {
  let source = sources.get(file);
  if (!source) {
    const text = readFileSync(file, "utf8");
    const specs = [...text.matchAll(/from\s+"([^"]+)"/g), ...text.matchAll(/import\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
    const imports = specs
      .map((spec) => resolveImport(spec, file))
      .filter((f): f is string => f !== null && /^(components|app)\//.test(path.relative(ROOT, f)));
    const named = new Set([...text.matchAll(/useTranslations\(\s*"([A-Za-z]+)/g)].map((m) => m[1]!));
    for (const namespace of NAMESPACES) if (new RegExp(`[\`"']${namespace}\\.`).test(text)) named.add(namespace);
    source = { client: /^\s*["']use client["']/.test(text), imports, named };
    sources.set(file, source);
  }
  return source;
}

/** Namespaces named by the client components `file` renders (a server component's own words stay on the server). */
function clientNeeds(file: string, inClient = false, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const { client, imports, named } = read(file);
  const inside = inClient || client;
  const needs = new Set(inside ? named : []);
  for (const imported of imports) for (const n of clientNeeds(imported, inside, seen)) needs.add(n);
  return needs;
}

function declared(layout: string): string[] {
  if (!existsSync(layout)) return [];
  const match = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/.exec(readFileSync(layout, "utf8"));
  return match ? [...match[1]!.matchAll(/"([A-Za-z]+)"/g)].map((m) => m[1]!) : [];
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^(page|layout|error|not-found)\.tsx$/.test(name) ? [full] : [];
  });
}

const SERVER_ONLY = new Set(["accessibility", "digest", "emails", "privacy"]);

describe("messages sent to the browser", () => {
  const files = routeFiles(path.join(ROOT, "app"));

  it("finds the app's pages", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => path.relative(ROOT, f)))("%s gets every namespace its client components use", (relative) => {
    const file = path.join(ROOT, relative);
    const provided = new Set<string>(BROWSER_BASE_NAMESPACES);
    for (let dir = path.dirname(file); dir.startsWith(path.join(ROOT, "app")); dir = path.dirname(dir)) {
      for (const namespace of declared(path.join(dir, "layout.tsx"))) provided.add(namespace);
    }
    const missing = [...clientNeeds(file)].filter((n) => !provided.has(n) && !SERVER_ONLY.has(n));
    expect(missing).toEqual([]);
  });
});
