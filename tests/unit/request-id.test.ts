/** Which request id proxy.ts gives a request (server/http/request-id.ts). */
import { describe, expect, it } from "vitest";
import { requestIdAtArrival, requestIdOf } from "@/server/http/request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const headers = (id?: string) => new Headers(id === undefined ? {} : { "x-request-id": id });

describe("the id of an arriving request", () => {
  it("is a fresh one unless a proxy of ours is in front", () => {
    expect(requestIdAtArrival(headers("lb-7f3a2c9e-0001"), false)).toMatch(UUID);
    expect(requestIdAtArrival(headers(), true)).toMatch(UUID);
  });

  it("behind our proxies, is the proxy's when it is a plain short token", () => {
    expect(requestIdAtArrival(headers("lb-7f3a2c9e-0001"), true)).toBe("lb-7f3a2c9e-0001");
    for (const unsafe of ["short", "has space in it", 'x"},{"level":"error', "a".repeat(129), "new\\nline-0000"]) {
      expect(requestIdAtArrival(headers(unsafe), true)).toMatch(UUID);
    }
  });

  it("behind proxy.ts, is the one it set; a fresh one where it did not run", () => {
    expect(requestIdOf(headers("0b1c2d3e-aaaa-4bbb-8ccc-0123456789ab"))).toBe("0b1c2d3e-aaaa-4bbb-8ccc-0123456789ab");
    expect(requestIdOf(headers())).toMatch(UUID);
    expect(requestIdOf(headers())).not.toBe(requestIdOf(headers()));
  });
});
