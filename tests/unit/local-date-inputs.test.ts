import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  fromDateInput,
  fromDateTimeLocalInput,
  toDateInput,
  toDateTimeLocalInput,
} from "@/components/forms/local-date-inputs";

describe("date input values", () => {
  it("turns a date input into local midday of that day, and back", () => {
    const date = fromDateInput("2026-05-10");
    expect(date).not.toBeNull();
    expect([date!.getFullYear(), date!.getMonth(), date!.getDate(), date!.getHours()]).toEqual([2026, 4, 10, 12]);
    expect(toDateInput(date!)).toBe("2026-05-10");
  });

  it("turns a datetime-local value into that local moment, and back", () => {
    const date = fromDateTimeLocalInput("2026-03-02T09:05");
    expect([date!.getFullYear(), date!.getMonth(), date!.getDate(), date!.getHours(), date!.getMinutes()]).toEqual([2026, 2, 2, 9, 5]);
    expect(toDateTimeLocalInput(date!)).toBe("2026-03-02T09:05");
    expect(fromDateTimeLocalInput("2026-03-02T09:05:30")?.getSeconds()).toBe(30);
  });

  it.each(["", "2026-02-30", "10/05/2026", "2026-13-01"])("refuses %j as a date", (value) => {
    expect(fromDateInput(value)).toBeNull();
  });

  it.each(["", "2026-02-30T10:00", "2026-03-02", "2026-03-02 10:00"])("refuses %j as a date and time", (value) => {
    expect(fromDateTimeLocalInput(value)).toBeNull();
  });

  it("shows a calendar date the same in every time zone", () => {
    expect(formatCalendarDate("2026-01-01")).toBe("Jan 1, 2026");
    expect(formatCalendarDate("not a date")).toBe("not a date");
  });
});
