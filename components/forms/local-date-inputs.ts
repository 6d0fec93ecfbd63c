/**
 * Converting between Dates and the values of `<input type="date">` / `<input type="datetime-local">`,
 * in the person's own time zone. Isomorphic, but meant for the browser: only call these where the
 * reader's clock is known (a form that opens on a click), never in a server render.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date → "2026-05-10" in local time. */
export function toDateInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A Date → "2026-05-10T14:30" in local time. */
export function toDateTimeLocalInput(date: Date): string {
  return `${toDateInput(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2026-05-10" → midday of that day in local time (midday, so no time zone shows it as another day); null if not a date. */
export function fromDateInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(year, month - 1, day, 12, 0, 0, 0);
  return date.getDate() === day && date.getMonth() === month - 1 ? date : null;
}

/** "2026-05-10T14:30" (seconds optional) → that moment in local time; null if not a date and time. */
export function fromDateTimeLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds] = match.map((part) => Number(part ?? 0)) as number[];
  const date = new Date(year!, month! - 1, day!, hours!, minutes!, seconds ?? 0, 0);
  return date.getDate() === day && date.getMonth() === month! - 1 ? date : null;
}

/** "2026-05-10" (a calendar date with no time zone, as the decision stores it) → "May 10, 2026" (in `locale`). */
export function formatCalendarDate(value: string, locale = "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day)));
}
