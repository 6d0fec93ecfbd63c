/** The catalogue's namespaces: one JSON file per namespace and language in lib/i18n/messages/<locale>/. */
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
  "tasks",
  "validation",
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/**
 * What every page's browser side needs: the header and language switch, the session guard, the "confirm
 * it's you" dialog any change may open, form errors. The rest is sent per part of the app
 * (components/i18n/client-messages.tsx).
 */
export const BROWSER_BASE_NAMESPACES: readonly Namespace[] = ["account", "common", "layout", "signIn", "validation"];
