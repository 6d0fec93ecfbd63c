/** Any translator (next-intl's `useTranslations()` or the server's `translatorFor`), looked up by a key known only at run time. */
export type LooseTranslator = { (key: never): string; has(key: never): boolean };

/**
 * A label from another area's namespace (a member's role in `sharing.roles.<role>.name`, an allergy's
 * severity in `healthLists.severity.<severity>`): looked up by its key, and the stable value itself if
 * that namespace does not have it, in plain words ("wait_and_monitor" → "Wait and monitor"), so neither the
 * screen nor the PDF ever shows a raw key.
 */
export function otherLabel(t: LooseTranslator, key: string, value: string): string {
  if (t.has(key as never)) return t(key as never);
  const words = value.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
