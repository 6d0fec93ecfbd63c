/** Plain-text hygiene shared by every text field. */

/**
 * Invisible control characters (all of C0 and DEL except tab, line feed and carriage return) arrive
 * only by pasting; PostgreSQL cannot store NUL at all. Text fields drop them before any other check.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}
