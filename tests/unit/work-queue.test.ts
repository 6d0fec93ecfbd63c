/** The per-instance queue for exports and PDFs (issue 15 §4.13): a few at once, a short wait, then "busy". */
import { describe, expect, it } from "vitest";
import { BUSY_MESSAGE, createWorkQueue, QueueBusy, releasingWhenDone } from "@/server/http/work-queue";

/** A job that runs until `finish()` is called. */
function slowJob() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let started = false;
  return {
    job: async () => {
      started = true;
      await done;
      return "made";
    },
    finish: () => finish(),
    get started() {
      return started;
    },
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("work queue", () => {
  it("runs two at once, lets two more wait, and refuses the next at once with a plain message", async () => {
    const queue = createWorkQueue({ concurrency: 2, maxWaiting: 2, maxWaitMs: 60_000 });
    const jobs = Array.from({ length: 4 }, slowJob);
    const results = jobs.map((j) => queue.run(j.job));
    await settled();
    expect(jobs.map((j) => j.started)).toEqual([true, true, false, false]);
    expect([queue.running, queue.waiting]).toEqual([2, 2]);

    const refused = queue.run(slowJob().job);
    await expect(refused).rejects.toBeInstanceOf(QueueBusy);
    await expect(refused).rejects.toThrow(BUSY_MESSAGE);

    // As each finishes, the next waiting one starts, in order.
    jobs[0]!.finish();
    await results[0];
    await settled();
    expect(jobs.map((j) => j.started)).toEqual([true, true, true, false]);
    for (const j of jobs) j.finish();
    await expect(Promise.all(results)).resolves.toEqual(["made", "made", "made", "made"]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it("refuses one that waited too long, and a failed job gives its slot back", async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 1, maxWaitMs: 20 });
    const blocker = slowJob();
    const running = queue.run(blocker.job);
    await expect(queue.run(async () => "late")).rejects.toBeInstanceOf(QueueBusy);
    expect(queue.waiting).toBe(0);
    blocker.finish();
    await running;
    await expect(queue.run(() => Promise.reject(new Error("render failed")))).rejects.toThrow("render failed");
    expect(queue.running).toBe(0);
    await expect(queue.run(async () => "next")).resolves.toBe("next");
  });

  it("holds a streamed download's slot until its stream ends or is cancelled", async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 0, maxWaitMs: 1_000 });
    const source = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2]));
          controller.close();
        },
      });
    const release = await queue.acquire();
    const stream = releasingWhenDone(source(), release);
    expect(queue.running).toBe(1);
    await expect(queue.acquire()).rejects.toBeInstanceOf(QueueBusy);
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    expect(queue.running).toBe(0);

    const again = releasingWhenDone(source(), await queue.acquire());
    await again.cancel();
    expect(queue.running).toBe(0);
  });
});
