/** Dates as people read them, in their language, and the few date conversions the forms need. */


// Building an Intl.DateTimeFormat costs far more than using one, and a page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${timeZone ?? ""}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: withTime ? "short" : undefined, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDate(date: Date, locale: string, timeZone?: string): string {
  return formatter(locale, false, timeZone).format(date);
}

export function formatDateTime(date: Date, locale: string, timeZone?: string): string {
  return formatter(locale, true, timeZone).format(date);
}

/** "2026-05-10" (an `<input type="date">` value) → the last moment of that day in local time; null if not a date. */
export function endOfLocalDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(year, month - 1, day, 23, 59, 59, 999);
  return date.getDate() === day ? date : null;
}
