"use client";
/**
 * The section nav's "new since you last looked" counts for the open case, shared by the nav (which
 * shows them) and the live connection (which knows when they change). The live connection reads them
 * after marking the section seen on arrival, and again after each change or "seen"; reads asked for
 * close together are one read, and a read that answers after a newer one is dropped.
 */
import { useSyncExternalStore } from "react";
import type { RouterOutputs } from "@/components/trpc/router-outputs";
import type { useTRPCClient } from "@/components/trpc/trpc-provider";

type Unread = RouterOutputs["live"]["unread"];
type Client = ReturnType<typeof useTRPCClient>;

let current: { caseId: string; counts: Unread } | null = null;
let latestRead = 0;
const listeners = new Set<() => void>();

/** Changes and "seen" marks arriving together (a run of changes, the overview's two marks) cause one read. */
const COALESCE_MS = 100;
let pending: ReturnType<typeof setTimeout> | null = null;

export function refreshUnread(client: Client, caseId: string) {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    read(client, caseId);
  }, COALESCE_MS);
}

function read(client: Client, caseId: string) {
  const ticket = ++latestRead;
  client.live.unread.query({ caseId }).then(
    (counts) => {
      if (ticket !== latestRead) return;
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
  const snapshot = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  return snapshot?.caseId === caseId ? snapshot.counts : undefined;
}
