"use client";
/**
 * A live refresh can bring a newer version of the item a form is editing. A form with no unsaved
 * edits quietly takes it; a form with edits keeps them and gets the newer row back, to show "X
 * changed this while you were editing" until the person chooses (or dismisses it: the version rule
 * still decides when they save).
 */
import { useEffect, useEffectEvent, useState } from "react";

export function useChangedUnderneath<T extends { version: number }>(opts: {
  /** The item as the page now shows it (null: not saved yet). */
  saved: T | null;
  /** The version the form's edits started from. */
  baseVersion: number;
  isDirty: boolean;
  /** Takes the newer row into the form (reset fields and version). */
  adopt: (row: T) => void;
}) {
  const { saved, baseVersion, isDirty, adopt } = opts;
  const [dismissed, setDismissed] = useState<number | null>(null);
  const newer = saved && saved.version > baseVersion ? saved : null;
  const takeQuietly = useEffectEvent(() => {
    if (newer && !isDirty) adopt(newer);
  });
  // Runs again only for a new version, or when the edits are undone.
  useEffect(() => takeQuietly(), [newer?.version, isDirty]);
  return {
    changed: newer && isDirty && newer.version !== dismissed ? newer : null,
    dismiss: () => setDismissed(newer?.version ?? null),
  };
}
