/** Plain-text hygiene shared by every text field. */

/**
 * Characters a person never means to type, dropped from every text field before any other check:
 * - C0 controls and DEL except tab, line feed and carriage return (they arrive only by pasting;
 *   PostgreSQL cannot store NUL at all), and the C1 controls U+0080–U+009F;
 * - the invisible bidirectional controls (marks U+200E/U+200F/U+061C, embeddings and overrides
 *   U+202A–U+202E, isolates U+2066–U+2069), which can make a name or a note read as something else
 *   ("Dr\u202E htimS" shows as "Dr Smith"). Right-to-left letters keep their own direction without them.
 * File names drop the same set (server/files/record-files.ts).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}
