/** Dates as people read them, and the few date conversions the forms need. Isomorphic. */

export function formatDate(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** "2026-05-10" (an `<input type="date">` value) → the last moment of that day in local time; null if not a date. */
export function endOfLocalDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(year, month - 1, day, 23, 59, 59, 999);
  return date.getDate() === day ? date : null;
}
