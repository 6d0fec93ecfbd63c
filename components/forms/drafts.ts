/**
 * Unsaved text kept in this browser (localStorage), so nothing typed is lost when a session ends
 * (docs/decisions/0026). Keyed by person + case + form; never sent anywhere. A draft is removed when
 * its form saves, when the person signs out on purpose, and after DRAFT_MAX_AGE_DAYS in any case.
 */
const PREFIX = "secondlook:draft:";
export const DRAFT_MAX_AGE_DAYS = 7;

export type DraftFields = Record<string, string>;
interface StoredDraft {
  savedAt: number;
  fields: DraftFields;
}

export function draftKey(userId: string, caseId: string, form: string): string {
  return `${PREFIX}${userId}:${caseId}:${form}`;
}

/** localStorage may be missing or refuse (private mode, full): drafts are then simply not kept. */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft(key: string): DraftFields | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as StoredDraft;
    if (typeof draft.savedAt !== "number" || Date.now() - draft.savedAt > DRAFT_MAX_AGE_DAYS * 86_400_000) {
      storage()?.removeItem(key);
      return null;
    }
    return draft.fields;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, fields: DraftFields): void {
  try {
    storage()?.setItem(key, JSON.stringify({ savedAt: Date.now(), fields } satisfies StoredDraft));
  } catch {
    // Full or refused: nothing to do; the form still holds the text.
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // as above
  }
}

function draftKeys(): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/** Whether this person has unsaved text for this case on this device (components/ui/on-first-use.tsx). */
export function hasDrafts(userId: string, caseId: string): boolean {
  return draftKeys().some((key) => key.startsWith(draftKey(userId, caseId, "")));
}

/** On signing out on purpose: this person's drafts leave this device. */
export function clearUserDrafts(userId: string): void {
  for (const key of draftKeys()) if (key.startsWith(`${PREFIX}${userId}:`)) removeDraft(key);
}

/** Drafts nobody came back for are removed after DRAFT_MAX_AGE_DAYS (reading an old one removes it). */
export function purgeOldDrafts(): void {
  for (const key of draftKeys()) readDraft(key);
}
