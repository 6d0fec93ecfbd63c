"use client";
import { useLocale } from "next-intl";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { useInBrowser } from "./use-browser-value";

/**
 * A date in the reader's own time zone. The server does not know that zone, so the first render
 * (and hydration) uses UTC; the browser then shows local time. This avoids hydration mismatches.
 */
export function LocalDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const inBrowser = useInBrowser();
  const locale = useLocale();
  const timeZone = inBrowser ? undefined : "UTC";
  return (
    <time dateTime={date.toISOString()}>{withTime ? formatDateTime(date, locale, timeZone) : formatDate(date, locale, timeZone)}</time>
  );
}
