/** Where to go after signing in: only a path on this site, never another site (open redirect). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/cases"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
