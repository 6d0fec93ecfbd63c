/** Zone arithmetic (lib/time-zone.ts, the one place that does it) across the autumn clock changes of 2026. */
import { describe, expect, it } from "vitest";
import { addDays, latestZonedHour, offsetMinutes, zonedDay, zonedHour, zonedTimeToDate } from "@/lib/time-zone";
import { digestSlot } from "@/server/digest/digest";

const at = (iso: string) => new Date(iso);

describe("New York, 1 November 2026 (02:00 EDT → 01:00 EST)", () => {
  const NY = "America/New_York";
  it("knows the offset on each side of the change", () => {
    expect(offsetMinutes(at("2026-11-01T05:30:00Z"), NY)).toBe(-240); // 01:30 EDT
    expect(offsetMinutes(at("2026-11-01T06:30:00Z"), NY)).toBe(-300); // 01:30 EST
  });

  it("puts an hour of the day on the right moment before and after", () => {
    expect(zonedHour("2026-10-31", 8, NY).toISOString()).toBe("2026-10-31T12:00:00.000Z");
    expect(zonedHour("2026-11-01", 8, NY).toISOString()).toBe("2026-11-01T13:00:00.000Z");
    // 01:00 happens twice that night: the first one.
    expect(zonedHour("2026-11-01", 1, NY).toISOString()).toBe("2026-11-01T05:00:00.000Z");
  });

  it("moves the digest hour with the clocks", () => {
    // 12:30 UTC is 07:30 EST: 8 o'clock has not come yet today, so the slot is yesterday's (EDT).
    expect(digestSlot(at("2026-11-01T12:30:00Z"), 8, NY).toISOString()).toBe("2026-10-31T12:00:00.000Z");
    expect(digestSlot(at("2026-11-01T13:00:00Z"), 8, NY).toISOString()).toBe("2026-11-01T13:00:00.000Z");
    expect(latestZonedHour(at("2026-11-02T12:59:00Z"), 8, NY).toISOString()).toBe("2026-11-01T13:00:00.000Z");
  });

  it("says which day it is there", () => {
    expect(zonedDay(at("2026-11-01T03:59:00Z"), NY)).toBe("2026-10-31"); // 23:59 EDT
    expect(zonedDay(at("2026-11-01T04:00:00Z"), NY)).toBe("2026-11-01");
    expect(zonedDay(at("2026-11-02T04:30:00Z"), NY)).toBe("2026-11-01"); // 23:30 EST
  });
});

describe("Madrid, 25 October 2026 (03:00 CEST → 02:00 CET)", () => {
  const MADRID = "Europe/Madrid";
  it("puts an hour of the day on the right moment before and after", () => {
    expect(zonedHour("2026-10-24", 8, MADRID).toISOString()).toBe("2026-10-24T06:00:00.000Z");
    expect(zonedHour("2026-10-25", 8, MADRID).toISOString()).toBe("2026-10-25T07:00:00.000Z");
    expect(zonedTimeToDate("2026-10-25", "02:30", MADRID)!.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // the first 02:30
    // In spring 02:30 does not happen (29 March, 02:00 → 03:00): just after the jump, 03:30 CEST.
    expect(zonedTimeToDate("2026-03-29", "02:30", MADRID)!.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("moves the digest hour with the clocks", () => {
    expect(digestSlot(at("2026-10-25T06:30:00Z"), 8, MADRID).toISOString()).toBe("2026-10-24T06:00:00.000Z");
    expect(digestSlot(at("2026-10-25T07:00:00Z"), 8, MADRID).toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("says which day it is there", () => {
    expect(zonedDay(at("2026-10-24T21:59:00Z"), MADRID)).toBe("2026-10-24"); // 23:59 CEST
    expect(zonedDay(at("2026-10-24T22:00:00Z"), MADRID)).toBe("2026-10-25");
    expect(zonedDay(at("2026-10-25T22:59:00Z"), MADRID)).toBe("2026-10-25"); // 23:59 CET
  });
});

describe("calendar days", () => {
  it("add and subtract across months and years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});
