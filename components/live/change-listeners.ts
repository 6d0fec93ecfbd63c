"use client";
/**
 * Where the live connection (live-case.tsx) hands a change to the lists on screen that keep
 * themselves up to date (use-live-items.ts). A list listens for its entity types while mounted; a
 * change that a list takes costs one small read of that item, and one nobody takes falls back to
 * re-rendering the page. Touch this file only to change how changes are handed over.
 */
import type { ActivityEntity } from "@/lib/vocabulary/activity";
import type { LiveChange } from "@/lib/vocabulary/live";

/** Takes a change (true), or declines it (false: e.g. a reorder names no item) so the page refreshes. */
export type ChangeListener = (change: LiveChange) => boolean;

const listeners = new Map<ActivityEntity, Set<ChangeListener>>();

/** Listens for changes to these entity types until the returned function is called. */
export function listenForChanges(entityTypes: readonly ActivityEntity[], listener: ChangeListener): () => void {
  for (const type of entityTypes) {
    const set = listeners.get(type) ?? new Set();
    set.add(listener);
    listeners.set(type, set);
  }
  return () => entityTypes.forEach((type) => listeners.get(type)?.delete(listener));
}

/** Offers a change to the lists on screen: true when every one listening for its type took it. */
export function offerChange(change: LiveChange): boolean {
  const set = listeners.get(change.entityType);
  if (!set || set.size === 0) return false;
  let taken = true;
  for (const listener of set) taken = listener(change) && taken;
  return taken;
}
