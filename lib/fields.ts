/** Field schemas every form shares: trimmed text with a limit, moments and calendar dates. */
import { z } from "zod";
import { withoutControlCharacters } from "./plain-text";

/**
 * Dates a person can enter. The range keeps every value storable (PostgreSQL has no year 0 and the
 * driver cannot write years past 9999) and catches typos like 20260 with a clear message.
 */

const EARLIEST = new Date("1900-01-01T00:00:00Z");

const LATEST = new Date("2199-12-31T23:59:59Z");

const OUT_OF_RANGE = "Enter a date between 1900 and 2199.";

export const zMoment = (required: string) =>
  z.date(required).min(EARLIEST, OUT_OF_RANGE).max(LATEST, OUT_OF_RANGE);

/** A calendar day as YYYY-MM-DD. */
export const zCalendarDate = (required: string) =>
  z.iso.date(required).refine((day) => day >= "1900-01-01" && day <= "2199-12-31", OUT_OF_RANGE);

/** zod inputs shared by the case and sharing forms (client) and their routers (server). */

/** Trimmed, length-limited text; the message names the limit so a person knows what to shorten. */
export const zText = (max: number, { required }: { required?: string } = {}) => {
  const base = z.string().overwrite(withoutControlCharacters).trim().max(max, `Please keep this under ${max.toLocaleString("en")} characters.`);
  return required ? base.min(1, required) : base;
};
