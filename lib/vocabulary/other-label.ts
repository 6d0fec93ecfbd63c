/** Any translator (next-intl's `useTranslations()` or the server's `translatorFor`), looked up by a key known only at run time. */
export type LooseTranslator = { (key: never): string; has(key: never): boolean };

/**
 * A label from another area's namespace (a member's role in `sharing.roles.<role>.name`, an allergy's
 * severity in `healthLists.severity.<severity>`): looked up by its key, and the stable value itself if
 * that namespace does not have it, so neither the screen nor the PDF ever shows a raw key.
 */
export function otherLabel(t: LooseTranslator, key: string, fallback: string): string {
  return t.has(key as never) ? t(key as never) : fallback;
}
