/** A note's first words without markdown marks, for a button's accessible name. */
export function noteSnippet(body: string, max = 50): string {
  const flat = body
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/[*_`#>[\]~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
