"use client";
/**
 * The version rule inside one edit form, in one place: the version the edits started from, the other
 * person's version when a save was refused (CONFLICT), and a newer version that arrived live while
 * the person was editing. `VersionConflicts` shows whichever applies; the save decides by version.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useChangedUnderneath } from "./changed-underneath";
import { ConflictPanel } from "./conflict-panel";

type Versioned = { version: number };

export function useVersionedEdit<T extends Versioned>(opts: {
  /** The item as the page now shows it (null: not saved yet). */
  saved: T | null;
  initialVersion: number;
  isDirty: boolean;
  /** Puts a row's fields into the form. */
  load: (row: T) => void;
  /** Extra work when the person keeps their edits over a refused save's version. */
  onKeepMine?: (theirs: T) => void;
}) {
  const router = useRouter();
  const [baseVersion, setBaseVersion] = useState(opts.initialVersion);
  const [theirs, setTheirs] = useState<T | null>(null);
  const take = (row: T) => {
    opts.load(row);
    setBaseVersion(row.version);
  };
  const { changed, dismiss } = useChangedUnderneath({ saved: opts.saved, baseVersion, isDirty: opts.isDirty, adopt: take });
  return {
    baseVersion,
    theirs,
    changed,
    /** After a failed save, with the CONFLICT's current row (or null): true when it was a conflict, now shown. */
    refusedBy(current: T | null): boolean {
      if (current) setTheirs(current);
      return current !== null;
    },
    /** After a successful save. */
    saved: () => setTheirs(null),
    takeTheirs() {
      if (!theirs) return;
      take(theirs);
      setTheirs(null);
      router.refresh();
    },
    /** Saving next replaces their version with this one, knowingly. */
    keepMine() {
      if (!theirs) return;
      setBaseVersion(theirs.version);
      opts.onKeepMine?.(theirs);
      setTheirs(null);
    },
    takeChanged() {
      if (changed) take(changed);
    },
    dismissChanged: dismiss,
  };
}

export type VersionedEdit<T extends Versioned> = ReturnType<typeof useVersionedEdit<T>>;

/** The refused save's panel, or else the changed-while-editing one, or nothing. */
export function VersionConflicts<T extends Versioned>({
  edit,
  rows,
  changedBy = () => null,
}: {
  edit: VersionedEdit<T>;
  rows: (row: T) => [string, string][];
  /** Who brought a live change, when known. */
  changedBy?: (row: T) => string | null;
}) {
  if (edit.theirs) {
    return <ConflictPanel version={edit.theirs.version} rows={rows(edit.theirs)} onUseTheirs={edit.takeTheirs} onKeepMine={edit.keepMine} />;
  }
  if (edit.changed) {
    return (
      <ConflictPanel
        changedBy={changedBy(edit.changed)}
        version={edit.changed.version}
        rows={rows(edit.changed)}
        onUseTheirs={edit.takeChanged}
        onKeepMine={edit.dismissChanged}
      />
    );
  }
  return null;
}
