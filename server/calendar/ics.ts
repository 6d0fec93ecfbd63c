/**
 * Calendar events as iCalendar text (RFC 5545), through the `ics` package: one event for a visit's
 * download, many for a member's feed. Every source of events (visits today; dated tasks later) hands
 * over `CalendarEvent`s, so the format is written in one place.
 */
import "server-only";
import { createEvents, type EventAttributes } from "ics";

export interface CalendarEvent {
  /** Stable across downloads and feed reads, so a calendar updates the event instead of adding another. */
  uid: string;
  start: Date;
  durationMinutes: number;
  title: string;
  location: string;
  description: string;
  /** Where it is in SecondLook (a signed-in page: nothing is readable without an account). */
  url: string;
  /** Bumped on every edit (the row's version), so calendars take the new time. */
  sequence: number;
  updatedAt: Date;
}

const PRODUCT_ID = "-//SecondLook//Visits//EN";

/**
 * The events as one calendar. Times are written in UTC (`DTSTART:…Z`): every calendar shows them at
 * the right moment in its reader's zone; the zone the visit was booked in is named in the description.
 */
export function toICalendar(events: CalendarEvent[], calendarName: string): string {
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: event.uid,
    start: event.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: event.durationMinutes },
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
