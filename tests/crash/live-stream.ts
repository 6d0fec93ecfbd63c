/**
 * A case's live stream (`live.events`, server-sent events) opened over HTTP as the browser's tRPC
 * client opens it, reconnecting when it ends with the last event id it got (so the server replays
 * what it missed meanwhile), and a way to wait until a given text (an entity id) has arrived on it.
 */
import { wireFormat } from "@/lib/wire-format";
import type { Target } from "./workload";

export function openLiveStream(t: Target) {
  let received = "";
  let connections = 0;
  let closed = false;
  const controller = new AbortController();
  const urlFrom = (lastEventId: string | null) =>
    `${t.base}/api/trpc/live.events?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize({ caseId: t.caseId, lastEventId })))}`;
  const loop = (async () => {
    while (!closed) {
      const url = urlFrom([...received.matchAll(/^id: ?(.+)$/gm)].at(-1)?.[1] ?? null);
      try {
        const response = await fetch(url, { headers: { cookie: t.cookie, accept: "text/event-stream" }, signal: controller.signal });
        if (response.ok && response.body) {
          connections++;
          const decoder = new TextDecoder();
          const reader = response.body.getReader();
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += decoder.decode(chunk.value, { stream: true });
        }
      } catch {
        // the connection broke or was refused (the database is away): reconnect
      }
      if (!closed) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  return {
    /** How many times the stream has been opened (1 = it never dropped). */
    connections: () => connections,
    /**
     * Resolves once the stream is open and has had a moment to subscribe. A change saved before that is
     * not replayed (with no event received yet there is no id to resume from): on a loaded machine the
     * first write once beat the stream's start, and its wait timed out.
     */
    async opened(timeoutMs: number): Promise<void> {
      const started = Date.now();
      while (connections === 0) {
        if (Date.now() - started > timeoutMs) throw new Error(`the live stream did not open within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    },
    /** Resolves with the milliseconds waited once `text` has arrived; rejects after `timeoutMs`. */
    async waitFor(text: string, timeoutMs: number): Promise<number> {
      const started = Date.now();
      while (!received.includes(text)) {
        if (Date.now() - started > timeoutMs) throw new Error(`${text} did not reach the live stream within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return Date.now() - started;
    },
    async close() {
      closed = true;
      controller.abort();
      await loop;
    },
  };
}
