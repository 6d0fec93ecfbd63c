/**
 * A message by reference: what the server's errors and the shared zod contracts carry instead of
 * English text. The reference is the catalogue key, optionally followed by its values as JSON
 * ("validation.tooLong {\"max\":500}"); whoever shows it translates it in the reader's language
 * (server/i18n/translate-ref.ts on the server, components/i18n/use-message-text.ts in the browser).
 */
import type { MessageKey } from "./messages";

export type MessageValues = Record<string, string | number>;

export function messageRef(key: MessageKey, values?: MessageValues): string {
  return values ? `${key} ${JSON.stringify(values)}` : key;
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
