/**
 * A message by reference: what the server's errors and the shared zod contracts carry instead of
 * English text. The reference is the catalogue key, optionally followed by its values as JSON
 * ("validation.tooLong {\"max\":500}"); whoever shows it translates it in the reader's language
 * (server/i18n/translate-ref.ts on the server, components/i18n/use-message-text.ts in the browser).
 */
import type { MessageKey } from "./messages";

/**
 * A value that is catalogue words itself (a checklist item, a comparison aspect, a record's status), put in
 * in the reader's language. Only this shape is looked up: a string value is always shown as it is, so what
 * a person wrote is never mistaken for a key ("Dr.Smith" stays "Dr.Smith").
 */
export type WordsValue = { words: MessageKey };
export type MessageValues = Record<string, string | number | WordsValue>;

export function messageRef(key: MessageKey, values?: MessageValues): string {
  return values ? `${key} ${JSON.stringify(values)}` : key;
}

/** A value given as catalogue words: `messageRef("checklist.activity.ticked", { item: words("checklist.items.x.text") })`. */
export const words = (key: MessageKey): WordsValue => ({ words: key });

/**
 * The values ready for the translator: catalogue words in the reader's language (`translate` gives a key's
 * words, or null when the catalogue lacks it; then the key is shown), anything else that is not text or a
 * number left out.
 */
export function valuesIn(values: MessageValues, translate: (key: string) => string | null): Record<string, string | number> {
  const ready: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string" || typeof value === "number") ready[name] = value;
    else if (value !== null && typeof value === "object" && typeof value.words === "string") ready[name] = translate(value.words) ?? value.words;
  }
  return ready;
}

const REF = /^([A-Za-z][\w-]*(?:\.[\w-]+)+)(?: (\{.*\}))?$/s;

/** The key and values of a reference, or null when the text is not one (already words). */
export function parseMessageRef(text: string): { key: string; values: MessageValues } | null {
  const match = REF.exec(text);
  if (!match) return null;
  if (!match[2]) return { key: match[1]!, values: {} };
  try {
    return { key: match[1]!, values: JSON.parse(match[2]) as MessageValues };
  } catch {
    return null;
  }
}
