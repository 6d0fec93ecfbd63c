/**
 * Dates a person can enter. The range keeps every value storable (PostgreSQL has no year 0 and the
 * driver cannot write years past 9999) and catches typos like 20260 with a clear message.
 */
import { z } from "zod";

const EARLIEST = new Date("1900-01-01T00:00:00Z");
const LATEST = new Date("2199-12-31T23:59:59Z");
const OUT_OF_RANGE = "Enter a date between 1900 and 2199.";

export const zMoment = (required: string) =>
  z.date(required).min(EARLIEST, OUT_OF_RANGE).max(LATEST, OUT_OF_RANGE);

/** A calendar day as YYYY-MM-DD. */
export const zCalendarDate = (required: string) =>
  z.iso.date(required).refine((day) => day >= "1900-01-01" && day <= "2199-12-31", OUT_OF_RANGE);
