/** Consuming a `live.events` subscription in a test: a queue of what arrived, and a way to wait for the next item or the end. */
import type { Db } from "@/db/client";
import type { LiveMessage } from "@/lib/live";
import { callerFor } from "./callers";

type Envelope = [string, LiveMessage, ...unknown[]];

/** Subscribes `user` to a case's live events (refusals reject, like the HTTP request would). */
export async function subscribe(db: Db, user: { id: string; name: string; email: string }, caseId: string, lastEventId?: string) {
  const controller = new AbortController();
  const caller = await callerFor(db, user, undefined, controller.signal);
  const iterable = await caller.live.events({ caseId, lastEventId });
  const subscription = collect(iterable, controller);
  const first = await subscription.next();
  if (first.message.kind !== "ready") throw new Error(`expected "ready" first, got ${first.message.kind}`);
  return subscription;
}

export type Subscription = Awaited<ReturnType<typeof subscribe>>;

function collect(iterable: AsyncIterable<unknown>, controller: AbortController) {
  const items: { id: string; message: LiveMessage }[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let ended = false;
  let failure: unknown = null;
  const iterator = iterable[Symbol.asyncIterator]();
  const done = (async () => {
    try {
      while (true) {
        const next = await iterator.next();
        if (next.done) break;
        const [id, message] = next.value as Envelope;
        items.push({ id, message });
        waiter.wake?.();
      }
    } catch (error) {
      failure = error;
    } finally {
      ended = true;
      waiter.wake?.();
    }
  })();

  async function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const found = check();
      if (found !== undefined) return found;
      if (ended) throw new Error(`the stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiter.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  let read = 0;
  return {
    items,
    /** The next item not read yet. */
    next(timeoutMs = 5000) {
      return waitFor(() => (read < items.length ? items[read++] : undefined), timeoutMs, "item");
    },
    /** Resolves when the server ends the stream; rejects with the error it ended with, if any. */
    async ended(timeoutMs = 5000) {
      await waitFor(() => (ended ? true : undefined), timeoutMs, "end");
      if (failure) throw failure;
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}
