"use client";
/**
 * A server-rendered list that keeps itself up to date: when someone else changes one of its items,
 * the list reads just that item (`read`, one small tRPC query through the one authorization path)
 * and puts it in place, replaces it or takes it out, instead of re-rendering the whole page
 * (decision 0039). A change that names no item (a reorder) is declined, and the page refreshes as
 * before; so does a failed read. A new server render of the list (the person's own change, a
 * reconnect) is taken as it comes.
 *
 * Order: items are kept sorted by `compare`, the same order the server lists them in. Privacy: the
 * read answers null for what the reader may not see, and the item leaves the list.
 */
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { ActivityEntity } from "@/lib/vocabulary/activity";
import { listenForChanges } from "./change-listeners";

export type LiveItems<T> = {
  /** The list as it is now: the server's, with the live changes since. */
  items: T[];
  /** The server's list as last rendered; it changes only with a new render (e.g. after one's own save). */
  basis: T[];
};

export function useLiveItems<T extends { id: string }>(opts: {
  /** The list as the server rendered it. */
  items: T[];
  /** A constant of the list (listening starts again when it changes). */
  entityTypes: readonly ActivityEntity[];
  /** The item as the reader may see it now, or null when it is gone or not theirs to see. */
  read: (id: string) => Promise<T | null>;
  /** The list's order (negative: `a` comes first). */
  compare: (a: T, b: T) => number;
}): LiveItems<T> {
  const router = useRouter();
  const [state, setState] = useState({ basis: opts.items, items: opts.items });
  // Which read of each item is the latest: an older answer arriving late is dropped.
  const reads = useRef({ count: 0, latest: new Map<string, number>() });
  // Items changed live since the last server render: that render may have been made before the change.
  const changedSince = useRef(new Set<string>());

  let current = state;
  if (state.basis !== opts.items) {
    current = { basis: opts.items, items: opts.items };
    setState(current);
  }

  const readAndPatch = useEffectEvent((id: string, remember: boolean) => {
    const read = ++reads.current.count;
    reads.current.latest.set(id, read);
    if (remember) changedSince.current.add(id);
    opts.read(id).then(
      (item) => {
        if (reads.current.latest.get(id) !== read) return;
        reads.current.latest.delete(id);
        setState((was) => ({ ...was, items: placed(was.items, id, item, opts.compare) }));
      },
      // The page as it is now, the slow way.
      () => router.refresh(),
    );
  });

  const { entityTypes } = opts;
  useEffect(
    () =>
      listenForChanges(entityTypes, (change) => {
        if (!change.entityId) return false;
        readAndPatch(change.entityId, true);
        return true;
      }),
    [entityTypes],
  );

  // A new server render: what changed live before it may be missing from it, so read those again.
  useEffect(() => {
    const ids = [...changedSince.current];
    changedSince.current.clear();
    ids.forEach((id) => readAndPatch(id, false));
  }, [opts.items]);

  return current;
}

/** The list without the item `id`, and with `item` (if any) where `compare` puts it. */
function placed<T extends { id: string }>(items: T[], id: string, item: T | null, compare: (a: T, b: T) => number): T[] {
  const rest = items.filter((x) => x.id !== id);
  if (!item) return rest;
  const at = rest.findIndex((x) => compare(item, x) < 0);
  return at === -1 ? [...rest, item] : [...rest.slice(0, at), item, ...rest.slice(at)];
}
