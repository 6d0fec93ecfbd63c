import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/** Imports of `@/<layer>` or anything under it, but for the modules named in `except`. */
const refuse = (layers, message, { allowTypeImports = false, except = [] } = {}) => ({
  regex: `^${except.length ? `(?!(${except.join("|")})$)` : ""}@/(${layers.join("|")})(/.*)?$`,
  message,
  allowTypeImports,
});

/**
 * The layers run lib ← db ← server ← app, and components sit beside app: they use lib, and server
 * *types* only (docs/ARCHITECTURE.md). An import that runs back up fails lint.
 */
const LAYERS = [
  { files: ["lib/**"], patterns: [refuse(["app", "components", "server", "db"], "lib/ is shared by browser and server: it imports nothing of the app.")] },
  { files: ["db/**"], patterns: [refuse(["app", "components", "server"], "db/ sits below server/: move the code that needs server/ into server/.")] },
  { files: ["server/**"], patterns: [refuse(["app", "components"], "server/ never imports the UI: move what both need into lib/.")] },
  {
    files: ["components/**"],
    patterns: [
      refuse(["db"], "Components never import the database: read through the tRPC caller in a page, or call a procedure."),
      // Server actions ("use server") are the one server module a client form may import: Next sends it a reference, not the code.
      refuse(["server"], "Components may import server *types* only (import type …): the rest stays on the server.", {
        allowTypeImports: true,
        except: ["@/server/auth/actions", "@/server/auth/factor-actions", "@/server/auth/passkey-actions"],
      }),
      // zod is ~45 KiB of a phone's first load: forms load it when they first validate (lazyZodResolver).
      {
        regex: "^(zod|zod/.*|@hookform/resolvers/.*|@/lib/(?!vocabulary/|format-date$|time-zone$|plain-text$|talking$|i18n/locales$|i18n/message-ref$|i18n/namespaces$|wire-format$).*)$",
        message: "Components import vocabulary from @/lib/vocabulary/<noun>, contracts and zod as types only; a form loads its schema with lazyZodResolver.",
        allowTypeImports: true,
      },
    ],
  },
  {
    files: ["lib/vocabulary/**"],
    patterns: [{ regex: "^(zod|zod/.*|\\.\\./(?!plain-text$|format-date$|i18n/message-ref$).*)$", message: "Vocabulary is what the browser loads at once: no zod, and contracts as types only.", allowTypeImports: true }],
  },
];

/**
 * Every word a person reads comes from the message catalogues (lib/i18n/messages/): no text written into
 * JSX, and none in the attributes people read or hear (aria-label, title, placeholder, alt), including
 * text chosen by a condition (`{busy ? "Saving…" : "Save"}`, `{x && "text"}`) and the words of a template
 * literal (`{`${n} items`}`), which react/jsx-no-literals does not see. Symbols and the product's name may
 * stay; a className chosen by a condition is not text.
 */
const I18N_DONE = ["app/**/*.tsx", "components/**/*.tsx"];
const TEXT_MESSAGE = "Text people read or hear comes from the catalogue: use t(…).";
/** Where JSX shows an expression's value: a child `{…}`, or an attribute people read or hear. */
const SHOWN = [
  ":matches(JSXElement, JSXFragment) > JSXExpressionContainer",
  "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > JSXExpressionContainer",
];
/** `a ? b : c`, `a && b`, `a || b`, `a ?? b`, nested up to three deep, as the value shown. */
const CHOICE = ":matches(ConditionalExpression, LogicalExpression)";
const CHOICES = [` > ${CHOICE}`, ` > ${CHOICE} > ${CHOICE}`, ` > ${CHOICE} > ${CHOICE} > ${CHOICE}`];
/** The literal text that react/jsx-no-literals does not see: inside a choice, or a template literal's words. */
const HIDDEN_TEXT = SHOWN.flatMap((shown) => [
  ...CHOICES.map((choice) => `${shown}${choice} > Literal[value=/[A-Za-z]/]`),
  ...["", ...CHOICES].map((choice) => `${shown}${choice} > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]/]`),
]);
const NO_LITERAL_TEXT = {
  files: I18N_DONE,
  rules: {
    "react/jsx-no-literals": [
      "error",
      { noStrings: true, ignoreProps: true, allowedStrings: ["SecondLook", "·", "—", "–", "…", "(", ")", ":", "/", "×", "→", "←", "*", "%", "#", "&nbsp;", "|"] },
    ],
    "no-restricted-syntax": [
      "error",
      { selector: "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt)$/] > Literal[value=/[A-Za-z]/]", message: TEXT_MESSAGE },
      ...HIDDEN_TEXT.map((selector) => ({ selector, message: TEXT_MESSAGE })),
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without `where` would touch every row of every case.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  NO_LITERAL_TEXT,
  {
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Use Link from @/components/ui/link: it fetches the next page on intent, not on sight." }] },
      ],
    },
  },
  ...LAYERS.map(({ files, patterns }) => ({
    files,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
  })),
  globalIgnores([".next/**", ".data/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
