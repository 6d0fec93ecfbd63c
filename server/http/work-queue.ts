/**
 * A small per-instance queue for expensive work — the case export, the comparison PDF, the visit
 * packet PDF: at most `concurrency` run at once, a few more wait their turn for a short while, and
 * beyond that the request is refused at once with `QueueBusy` (the routes answer 503 with
 * Retry-After), so a burst of downloads cannot take the server's memory or hold up cheap requests.
 * A slot is held until the work is done — for a streamed download, until its stream ends.
 */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";

export const BUSY_MESSAGE = messageRef("errors.busy");

/** Seconds a refused client is asked to wait (Retry-After). */
export const BUSY_RETRY_AFTER_SECONDS = 10;

export class QueueBusy extends Error {
  constructor() {
    super(BUSY_MESSAGE);
    this.name = "QueueBusy";
  }
}

export interface WorkQueueOptions {
  /** How many run at once. */
  concurrency: number;
  /** How many may wait for a slot; one more is refused at once. */
  maxWaiting: number;
  /** How long one may wait before it is refused after all. */
  maxWaitMs: number;
}

export interface WorkQueue {
  /** A slot, as a function that gives it back (calling it twice is harmless); rejects with `QueueBusy`. */
  acquire(): Promise<() => void>;
  /** Runs `job` in a slot. */
  run<T>(job: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function createWorkQueue({ concurrency, maxWaiting, maxWaitMs }: WorkQueueOptions): WorkQueue {
  let running = 0;
  const waiters: { grant: () => void }[] = [];

  const slot = () => {
    let given = false;
    return () => {
      if (given) return;
      given = true;
      running -= 1;
      const next = waiters.shift();
      if (next) next.grant();
    };
  };

  const acquire = (): Promise<() => void> => {
    if (running < concurrency) {
      running += 1;
      return Promise.resolve(slot());
    }
    if (waiters.length >= maxWaiting) return Promise.reject(new QueueBusy());
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          running += 1;
          resolve(slot());
        },
      };
      const timer = setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(new QueueBusy());
      }, maxWaitMs);
      waiters.push(waiter);
    });
  };

  return {
    acquire,
    async run(job) {
      const release = await acquire();
      try {
        return await job();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiters.length;
    },
  };
}

/** The stream, giving the slot back when it ends, fails or is cancelled (the download was stopped). */
export function releasingWhenDone(body: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}

/** This instance's queue for exports and PDFs: two at a time, four more waiting up to 15 s. */
export const heavyDownloads: WorkQueue = createWorkQueue({ concurrency: 2, maxWaiting: 4, maxWaitMs: 15_000 });
