/**
 * IANA time zones: checking a zone, turning a wall-clock time in a zone into the moment it names and
 * back, the calendar day on a zone's clocks, and naming a zone for people ("Madrid", "UTC+01:00").
 * Isomorphic and built on `Intl` alone (the project has no date library), so the server and the browser
 * agree to the minute (decision 0037). The one place that does zone arithmetic: visits, the digest's
 * hour and task reminders all go through it.
 */

/**
 * The reader's zone, which their browser remembers once it has had to work it out, so that the server
 * writes their dates in it and the browser need not write them again (components/ui/local-date.tsx).
 */
export const TIME_ZONE_COOKIE = "secondlook-tz";

// One formatter per zone: building one costs far more than using it.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let cached = partsFormatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, cached);
  }
  return cached;
}

/** Region/City names (and "UTC"): what `Intl` accepts as a zone, but no raw offsets like "+01:00". */
const ZONE_SHAPE = /^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** True for a time zone this runtime knows by its IANA name ("Europe/Madrid", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.length > 64 || !ZONE_SHAPE.test(zone)) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `date` in `zone`, as numbers (month 1–12). */
function wallClock(date: Date, zone: string) {
  const parts = Object.fromEntries(
    partsFormatter(zone)
      .formatToParts(date)
      .filter((part) => part.type !== "literal")
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  return parts;
}

/** Minutes `zone` is ahead of UTC at `date` (60 for Madrid in winter, -300 for New York). */
export function offsetMinutes(date: Date, zone: string): number {
  const w = wallClock(date, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * "2026-03-02" at "10:00" in "Europe/Madrid" → the moment it names (09:00 UTC); null when the day or
 * time is not one. A time the clocks skip (a spring-forward gap) lands just after the jump, as
 * calendar apps do; one they repeat (autumn) is the first of the two.
 */
export function zonedTimeToDate(day: string, time: string, zone: string): Date | null {
  const d = DAY.exec(day);
  const t = TIME.exec(time);
  if (!d || !t || !isTimeZone(zone)) return null;
  const [year, month, date] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, date, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== date || check.getUTCMonth() !== month - 1) return null;
  // The offsets in force a day either side: the moment is the wall time less one of them. A time that
  // happens twice (autumn) takes the earlier; one the clocks skip (spring) the offset before the jump,
  // which lands just after it.
  const candidates = [...new Set([-DAY_MS, DAY_MS].map((side) => asUtc - offsetMinutes(new Date(asUtc + side), zone) * 60_000))].sort((a, b) => a - b);
  const exact = candidates.find((moment) => moment + offsetMinutes(new Date(moment), zone) * 60_000 === asUtc);
  return new Date(exact ?? asUtc - offsetMinutes(new Date(asUtc - DAY_MS), zone) * 60_000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A moment → its day ("2026-03-02") and time ("10:00") on the clocks of `zone`, for the form's inputs. */
export function dateToZonedTime(date: Date, zone: string): { day: string; time: string } {
  const w = wallClock(date, zone);
  return { day: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The calendar day ("2026-03-02") `date` falls on, on the clocks of `zone`. */
export function zonedDay(date: Date, zone: string): string {
  return dateToZonedTime(date, zone).day;
}

/** "2026-03-02" plus `days` (negative: back) → "2026-03-03"; calendar days, no zone involved. */
export function addDays(day: string, days: number): string {
  const d = DAY.exec(day);
  if (!d) throw new Error(`not a day: ${day}`);
  const moved = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** `hour`:00 on `day` on the clocks of `zone`, as a moment (an hour the clocks skip lands just after the jump). */
export function zonedHour(day: string, hour: number, zone: string): Date {
  const at = zonedTimeToDate(day, `${pad(hour)}:00`, zone);
  if (!at) throw new Error(`not a day, hour or zone: ${day} ${hour} ${zone}`);
  return at;
}

/**
 * The most recent `hour`:00 on `zone`'s clocks at or before `now` (today's, or else yesterday's).
 * Daylight-saving changes move it with the clocks, as a person expects of "my 8 o'clock".
 */
export function latestZonedHour(now: Date, hour: number, zone: string): Date {
  const today = zonedDay(now, zone);
  const todays = zonedHour(today, hour, zone);
  return todays <= now ? todays : zonedHour(addDays(today, -1), hour, zone);
}

/** "Europe/Madrid" → "Madrid", "America/Argentina/Buenos_Aires" → "Buenos Aires", "UTC" → "UTC". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replaceAll("_", " ");
}

/** The zone's offset from UTC at `date`, as "+01:00" / "-05:00" (computed, so server and browser agree). */
export function zoneOffsetLabel(date: Date, zone: string): string {
  const minutes = offsetMinutes(date, zone);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The zone this runtime runs in: the browser's own, in a browser. */
export function ownTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Every zone the runtime knows, "UTC" first, then by name; `keep` is added when missing (a saved alias). */
export function timeZoneChoices(keep?: string | null): string[] {
  const known = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC");
  const all = ["UTC", ...known];
  if (keep && !all.includes(keep)) all.push(keep);
  return all;
}
