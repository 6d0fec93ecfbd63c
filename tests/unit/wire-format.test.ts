/** The tRPC wire format (lib/wire-format.ts): what the browser sends and reads back is what was meant. */
import { describe, expect, it } from "vitest";
import { wireFormat } from "@/lib/wire-format";

const roundTrip = (value: unknown) => wireFormat.deserialize(JSON.parse(JSON.stringify(wireFormat.serialize(value))));

describe("the wire format", () => {
  it("brings dates back as dates, at any depth, and everything else as it was", () => {
    const createdAt = new Date("2026-12-02T17:45:12.345Z");
    const value = {
      id: "q1",
      createdAt,
      visit: { label: "Dr Ana", visitAt: new Date("2027-01-05T09:00:00.000Z"), endsAt: null },
      history: [createdAt, "text", 3, true, null],
      nested: [[{ at: createdAt }]],
    };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.createdAt).toBeInstanceOf(Date);
    expect(back.createdAt.getTime()).toBe(createdAt.getTime());
    expect(back.nested[0]![0]!.at).toBeInstanceOf(Date);
  });

  it("leaves out undefined properties, as JSON does, and keeps array positions", () => {
    expect(roundTrip({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(roundTrip([1, undefined, 3])).toEqual([1, null, 3]);
  });

  it("reads text that only looks like a date as text, and a forged date that is not one as it came", () => {
    expect(roundTrip({ body: '{"$date":"2026-12-02T00:00:00.000Z"}' })).toEqual({ body: '{"$date":"2026-12-02T00:00:00.000Z"}' });
    expect(wireFormat.deserialize({ $date: "not a date" })).toEqual({ $date: "not a date" });
    expect(wireFormat.deserialize({ $date: "2026-12-02T00:00:00.000Z", other: 1 })).toEqual({ $date: "2026-12-02T00:00:00.000Z", other: 1 });
  });

  it("keeps a __proto__ key a key: an input cannot change an object's prototype", () => {
    const read = wireFormat.deserialize(JSON.parse('{"__proto__": {"isAdmin": true}, "caseId": "c"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect((read as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    expect(Object.keys(read)).toEqual(["__proto__", "caseId"]);
  });
});
