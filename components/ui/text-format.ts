/**
 * What the Bold and List buttons do to a text and its selection. Pure, so it is easy to test; notes
 * are stored with this light markup and shown formatted (components/ui/markdown-text.tsx).
 */
export type TextEdit = { text: string; start: number; end: number };

/** Wraps the selection in ** **; with nothing selected, puts the cursor between the marks. */
export function makeBold({ text, start, end }: TextEdit): TextEdit {
  const selected = text.slice(start, end);
  // Spaces stay outside the marks: "** word **" would not show as bold.
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const inner = selected.trim();
  const from = start + lead;
  const to = end - trail;
  const next = `${text.slice(0, from)}**${inner}**${text.slice(to)}`;
  return { text: next, start: from + 2, end: from + 2 + inner.length };
}

/** Starts each line touched by the selection with "- " (a bullet point); lines already in the list stay. */
export function makeList({ text, start, end }: TextEdit): TextEdit {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEndAt = text.indexOf("\n", Math.max(end - (end > start && text[end - 1] === "\n" ? 1 : 0), start));
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const lines = text.slice(lineStart, lineEnd).split("\n");
  const listed = lines.map((line) => (/^\s*[-*] /.test(line) ? line : `- ${line}`)).join("\n");
  const before = text.slice(0, lineStart);
  const next = `${before}${listed}${text.slice(lineEnd)}`;
  const listEnd = before.length + listed.length;
  return { text: next, start: start === end ? listEnd : before.length, end: listEnd };
}
