import { describe, expect, it, vi } from "vitest";
import { DatabaseUnavailable, isDatabaseUnavailable, OutageBreaker, PROBE_INTERVAL_MS, readBeforeProcedure, REQUEST_DEADLINE_MS, withinDeadline } from "@/server/database/outage";

describe("isDatabaseUnavailable", () => {
  it("recognises lost connections from the socket, the driver and the server, however deeply wrapped", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "CONNECTION_CLOSED" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "55000", message: 'database "x" is not currently accepting connections' })).toBe(true);
    const wrapped = new Error("Failed query: select 1", { cause: new Error("driver", { cause: { code: "CONNECT_TIMEOUT" } }) });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([{ code: "ECONNREFUSED" }]))).toBe(true);
  });

  it("leaves other failures alone", () => {
    expect(isDatabaseUnavailable({ code: "23505", message: "duplicate key" })).toBe(false);
    expect(isDatabaseUnavailable({ code: "55000", message: "object is not in prerequisite state" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("OutageBreaker", () => {
  it("after a failure refuses requests at once, lets one probe through per interval, and opens on a success", () => {
    let now = 1_000;
    const breaker = new OutageBreaker(() => now);
    expect(breaker.admit()).toBe(true);

    breaker.failed();
    expect(breaker.admit()).toBe(false);
    now += PROBE_INTERVAL_MS;
    expect(breaker.admit()).toBe(true); // the probe
    expect(breaker.admit()).toBe(false); // everyone else, until the next interval
    breaker.failed(); // the probe failed too: still one per interval
    now += PROBE_INTERVAL_MS - 1;
    expect(breaker.admit()).toBe(false);
    now += 1;
    expect(breaker.admit()).toBe(true);

    breaker.succeeded();
    expect([breaker.admit(), breaker.admit(), breaker.admit()]).toEqual([true, true, true]);
  });
});

describe("withinDeadline (a procedure, and the reads before it: readBeforeProcedure)", () => {
  it("gives up at the request deadline with the given error and opens the breaker; an answer in time passes", async () => {
    vi.useFakeTimers();
    try {
      const breaker = new OutageBreaker();
      const waiting = withinDeadline(breaker, () => new Promise<never>(() => {}), () => new DatabaseUnavailable());
      const outcome = expect(waiting).rejects.toBeInstanceOf(DatabaseUnavailable);
      await vi.advanceTimersByTimeAsync(REQUEST_DEADLINE_MS);
      await outcome;
      expect(breaker.admit()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
    const breaker = new OutageBreaker();
    await expect(withinDeadline(breaker, async () => "row", () => new DatabaseUnavailable())).resolves.toBe("row");
    expect(breaker.admit()).toBe(true);
  });
});

describe("readBeforeProcedure (a request's session and language reads)", () => {
  it("answers DatabaseUnavailable for a lost connection, then refuses at once without reading; other errors pass", async () => {
    const pool = {};
    const lost = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    await expect(readBeforeProcedure(pool, lost)).rejects.toBeInstanceOf(DatabaseUnavailable);
    const read = vi.fn(async () => "row");
    await expect(readBeforeProcedure(pool, read)).rejects.toBeInstanceOf(DatabaseUnavailable);
    expect(read).not.toHaveBeenCalled();
    const bug = new Error("not a connection problem");
    await expect(readBeforeProcedure({}, () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
