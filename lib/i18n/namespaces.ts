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

/** A namespace, or a dotted path into one ("account.menu"): the part of the catalogue a client component reads. */
export type MessagePath = Namespace | `${Namespace}.${string}`;

/**
 * What every page's browser side needs: the header and language switch, the session guard, the "confirm
 * it's you" dialog any change may open, form errors. Only the subtrees those parts read, since this is on
 * every page; a page that needs more of `account` or `signIn` says so in its layout. The rest is sent per
 * part of the app (components/i18n/client-messages.tsx).
 */
export const BROWSER_BASE_MESSAGES: readonly MessagePath[] = [
  "account.menu",
  "account.sessionGuard",
  "account.confirm",
  // The "confirm it's you" dialog's own checks (components/account/confirm-with-secret.tsx).
  "account.validation.codeMissing",
  "signIn.validation.passwordMissing",
  "common",
  "layout",
  "validation",
];

export type MessageTree = { [key: string]: string | MessageTree };

/**
 * The subtrees at `paths`, nested as in the catalogue, so `useTranslations("account.menu")` and
 * `useTranslations("account")` + `t("menu.label")` both find them. The subtrees are the catalogue's own
 * objects, not copies: React sends an object once per page and refers to it after, so nested
 * `ClientMessages` repeating the base set cost next to nothing. A path the catalogue lacks adds nothing
 * (tests/unit/client-messages.test.ts checks every declared path exists).
 */
export function pickMessages(messages: MessageTree, paths: readonly MessagePath[]): MessageTree {
  const picked: MessageTree = {};
  // Shorter paths first, so a subtree already sent whole is not rebuilt around one of its parts.
  const byDepth = [...paths].sort((a, b) => a.split(".").length - b.split(".").length);
  for (const path of byDepth) {
    const keys = path.split(".");
    let source: MessageTree = messages;
    let into: MessageTree = picked;
    for (const [index, key] of keys.entries()) {
      const subtree = source[key];
      if (subtree === undefined || into[key] === subtree) break;
      if (index === keys.length - 1) {
        into[key] = subtree;
        break;
      }
      if (typeof subtree === "string") break;
      const existing = into[key];
      const next: MessageTree = typeof existing === "object" ? existing : {};
      into[key] = next;
      into = next;
      source = subtree;
    }
  }
  return picked;
}
