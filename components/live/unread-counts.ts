"use client";
/**
 * The section nav's "new since you last looked" counts for the open case, shared by the nav (which
 * shows them) and the live connection (which knows when they change). Read when the nav mounts and
 * again after each change or "seen"; a read that answers after a newer one is dropped.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { RouterOutputs } from "@/components/trpc/router-outputs";
import { useTRPCClient } from "@/components/trpc/trpc-provider";

type Unread = RouterOutputs["live"]["unread"];
type Client = ReturnType<typeof useTRPCClient>;

let current: { caseId: string; counts: Unread } | null = null;
let latestRead = 0;
const listeners = new Set<() => void>();

export function refreshUnread(client: Client, caseId: string) {
  const read = ++latestRead;
  client.live.unread.query({ caseId }).then(
    (counts) => {
      if (read !== latestRead) return;
      current = { caseId, counts };
      listeners.forEach((listener) => listener());
    },
    // Counts are a hint: a failed read leaves the last ones, and the next change reads again.
    () => {},
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useUnread(caseId: string): Unread | undefined {
  const client = useTRPCClient();
  useEffect(() => refreshUnread(client, caseId), [client, caseId]);
  const snapshot = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  return snapshot?.caseId === caseId ? snapshot.counts : undefined;
}
