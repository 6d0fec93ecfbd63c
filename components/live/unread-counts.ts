"use client";
/**
 * The section nav's "new since you last looked" counts for the open case, shared by the nav (which
 * shows them) and the live connection (which knows when they change). Marking a section seen answers
 * with the counts (`showUnread`); a change elsewhere reads them again (`refreshUnread`). Reads asked
 * for close together are one read, and an answer older than the newest one asked for is dropped.
 */
import { useSyncExternalStore } from "react";
import type { RouterOutputs } from "@/components/trpc/router-outputs";
import type { useTRPCClient } from "@/components/trpc/trpc-provider";

type Unread = RouterOutputs["live"]["unread"];
type Client = ReturnType<typeof useTRPCClient>;

let current: { caseId: string; counts: Unread } | null = null;
let latestRead = 0;
const listeners = new Set<() => void>();

/** Changes arriving together (a run of them) cause one read. */
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
      if (ticket === latestRead) show(caseId, counts);
    },
    // Counts are a hint: a failed read leaves the last ones, and the next change reads again.
    () => {},
  );
}

/**
 * Counts that came with another answer (marking a section seen). Call it when the request is sent:
 * the answer is dropped if a newer read or mark was asked for meanwhile.
 */
export function showUnread(caseId: string, answer: Promise<Unread>): Promise<void> {
  const ticket = ++latestRead;
  return answer.then((counts) => {
    if (ticket === latestRead) show(caseId, counts);
  });
}

function show(caseId: string, counts: Unread) {
  current = { caseId, counts };
  listeners.forEach((listener) => listener());
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
