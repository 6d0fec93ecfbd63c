"use client";
import { useLocale } from "next-intl";
import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { offsetMinutes, ownTimeZone, TIME_ZONE_COOKIE } from "@/lib/time-zone";

/**
 * Dates in the reader's own time zone. The server writes them in the zone the reader's browser last
 * told it (a cookie), or in UTC, and marks each with that zone's offset then. Once the page has
 * hydrated, a date whose offset is not the browser's own is written again in the browser — but the first
 * Intl formatter a page builds loads the locale's data, ~100 ms of a slow phone's main thread
 * (docs/PERFORMANCE.md, "Phone"), so a date the server already wrote in the reader's time stays as it is.
 * Hydration always keeps the server's text (React keeps an element's own differing text under
 * suppressHydrationWarning), and the check runs in a task of its own after it.
 */
const WrittenIn = createContext("UTC");

/** The zone the server writes this page's dates in (the root layout). */
export function DatesWrittenIn({ zone, children }: { zone: string; children: ReactNode }) {
  return <WrittenIn value={zone}>{children}</WrittenIn>;
}

let checked = false;
const waiting = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  if (checked) return () => {};
  if (waiting.size === 0) {
    setTimeout(() => {
      checked = true;
      waiting.forEach((listener) => listener());
      waiting.clear();
    });
  }
  waiting.add(onChange);
  return () => waiting.delete(onChange);
}

/**
 * Whether the element still shows the server's text for `date`, written at the browser's own offset.
 * The server's mark ("60@<ISO date>") stays as the server wrote it: the browser never renders it.
 */
function serverTextFits(element: HTMLTimeElement | null, date: Date): boolean {
  const [offset, written] = element?.dataset.offset?.split("@") ?? [];
  return written === date.toISOString() && Number(offset) === -date.getTimezoneOffset();
}

let zoneRemembered = false;

/** Tells the server the reader's zone for next time, once a page has had to work it out. */
function rememberZone() {
  if (zoneRemembered) return;
  zoneRemembered = true;
  const zone = ownTimeZone();
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`;
}

/** A date in the reader's own time zone. */
export function LocalDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const zone = useContext(WrittenIn);
  const locale = useLocale();
  const element = useRef<HTMLTimeElement>(null);
  const format = withTime ? formatDateTime : formatDate;
  const writeHere = useSyncExternalStore(subscribe, () => checked && !serverTextFits(element.current, date), () => false);
  useEffect(() => {
    if (writeHere) rememberZone();
  }, [writeHere]);
  if (typeof window === "undefined") {
    return (
      <time dateTime={date.toISOString()} data-offset={`${offsetMinutes(date, zone)}@${date.toISOString()}`}>
        {format(date, locale, zone)}
      </time>
    );
  }
  // Until then (hydrating, or the server's text fits), the element keeps the text it has.
  return (
    <time ref={element} dateTime={date.toISOString()} suppressHydrationWarning>
      {writeHere ? format(date, locale) : ""}
    </time>
  );
}
