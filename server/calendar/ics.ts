/**
 * Calendar events as iCalendar text (RFC 5545), through the `ics` package: one event for a visit's
 * download, many for a member's feed. Every source of events (visits, dated tasks) hands
 * over `CalendarEvent`s, so the format is written in one place.
 */
import "server-only";
import { createEvents, type EventAttributes } from "ics";
import { addDays } from "@/lib/time-zone";

/** A moment and how long (a visit), or a whole calendar day, "2026-03-02" (a task's due date: no time, no zone). */
export type EventTime = { start: Date; durationMinutes: number } | { day: string };

export type CalendarEvent = EventTime & {
  /** Stable across downloads and feed reads, so a calendar updates the event instead of adding another. */
  uid: string;
  title: string;
  location: string;
  description: string;
  /** Where it is in SecondLook (a signed-in page: nothing is readable without an account). */
  url: string;
  /** Bumped on every edit (the row's version), so calendars take the new time. */
  sequence: number;
  updatedAt: Date;
};

const dayParts = (day: string): [number, number, number] => {
  const [year, month, date] = day.split("-").map(Number);
  return [year!, month!, date!];
};

/** An all-day event is `DTSTART;VALUE=DATE` to the next day: the same day in every calendar, whatever its zone. */
function timeOf(event: EventTime): Pick<EventAttributes, "start" | "startInputType" | "startOutputType"> & ({ duration: { minutes: number } } | { end: [number, number, number] }) {
  return "day" in event
    ? { start: dayParts(event.day), end: dayParts(addDays(event.day, 1)) }
    : { start: event.start.getTime(), startInputType: "utc", startOutputType: "utc", duration: { minutes: event.durationMinutes } };
}

const PRODUCT_ID = "-//SecondLook//Visits//EN";

/**
 * The events as one calendar. Times are written in UTC (`DTSTART:…Z`): every calendar shows them at
 * the right moment in its reader's zone; the zone the visit was booked in is named in the description.
 * A task's due day is an all-day event on that day.
 */
export function toICalendar(events: CalendarEvent[], calendarName: string): string {
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: event.uid,
    ...timeOf(event),
    title: event.title,
    location: event.location || undefined,
    description: event.description,
    url: event.url,
    sequence: event.sequence,
    lastModified: event.updatedAt.getTime(),
    productId: PRODUCT_ID,
    calName: calendarName,
  }));
  if (attributes.length === 0) return emptyCalendar(calendarName);
  const { error, value } = createEvents(attributes, { productId: PRODUCT_ID, method: "PUBLISH", calName: calendarName });
  if (error || !value) throw error ?? new Error("calendar not written");
  return value;
}

/** `ics` refuses an empty list; a feed with nothing coming up is still a valid, empty calendar. */
function emptyCalendar(calendarName: string): string {
  const name = calendarName.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
  return ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, "METHOD:PUBLISH", `X-WR-CALNAME:${name}`, "END:VCALENDAR", ""].join("\r\n");
}
