/**
 * The layers hold by themselves: lint refuses an import that runs back up (lib ← db ← server;
 * components use lib and server types only), and zod stays out of the browser's first load (components
 * take vocabulary, not contracts). Each case lints a one-line file at a path in that layer.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries", () => {
  it.each([
    ["lib/example.ts", 'import { db } from "@/db/client";\nexport const x = db;\n'],
    ["lib/example.ts", 'import { api } from "@/server/caller";\nexport const x = api;\n'],
    ["db/example.ts", 'import { getDb } from "@/server/database/connection";\nexport const x = getDb;\n'],
    ["server/example.ts", 'import { Button } from "@/components/ui/button";\nexport const x = Button;\n'],
    ["components/example.ts", 'import { api } from "@/server/caller";\nexport const x = api;\n'],
    ["components/example.ts", 'import { notes } from "@/db/schema";\nexport const x = notes;\n'],
    ["components/example.ts", 'import { z } from "zod";\nexport const x = z;\n'],
    ["components/example.ts", 'import { ZNoteFields } from "@/lib/note";\nexport const x = ZNoteFields;\n'],
    ["lib/vocabulary/example.ts", 'import { ZNoteView } from "../note";\nexport const x = ZNoteView;\n'],
  ])("refuses an upward import in %s", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  }, 60_000);

  it.each([
    ["db/example.ts", 'import { CASE_ROLES } from "@/lib/member";\nexport const x = CASE_ROLES;\n'],
    ["components/example.ts", 'import type { AppRouter } from "@/server/routers/_app";\nexport type X = AppRouter;\n'],
    ["components/example.ts", 'import { signOutAction } from "@/server/auth/actions";\nexport const x = signOutAction;\n'],
    ["components/example.ts", 'import { CASE_ROLES } from "@/lib/vocabulary/member";\nexport const x = CASE_ROLES;\n'],
    ["components/example.ts", 'import type { NoteView } from "@/lib/note";\nexport type X = NoteView;\n'],
  ])("allows a downward import, a type import, a server action or vocabulary in %s", async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  }, 60_000);
});
