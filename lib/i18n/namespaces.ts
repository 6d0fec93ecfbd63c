/**
 * The catalogue's namespaces: one JSON file per namespace and language in lib/i18n/messages/<locale>/.
 * Server-only namespaces (emails, PDFs, the pages rendered only on the server) are not sent to the browser.
 */
export const NAMESPACES = [
  "accessibility",
  "account",
  "activity",
  "cases",
  "checklist",
  "common",
  "comparison",
  "decision",
  "digest",
  "emails",
  "errors",
  "healthLists",
  "home",
  "layout",
  "notes",
  "opinions",
  "packet",
  "privacy",
  "questions",
  "records",
  "selfCheck",
  "sharing",
  "signIn",
  "talking",
  "validation",
] as const;

export type Namespace = (typeof NAMESPACES)[number];

export const SERVER_ONLY_NAMESPACES: readonly Namespace[] = ["accessibility", "digest", "emails", "privacy"];
