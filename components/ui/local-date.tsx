"use client";
import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime } from "@/lib/format-date";

/**
 * Whether dates show in the reader's own time zone yet: not on the server (which does not know the
 * zone, so it writes UTC), nor while a page hydrates, but from a task soon after. The first Intl
 * formatter a page builds loads the locale's data, ~100 ms of a slow phone's main thread
 * (docs/PERFORMANCE.md, "Phone"): hydration keeps the server's text as it is instead of formatting it
 * again, and the switch to local time pays that cost in a task of its own.
 */
let localTime = false;
const waiting = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  if (localTime) return () => {};
  if (waiting.size === 0) {
    setTimeout(() => {
      localTime = true;
      waiting.forEach((listener) => listener());
      waiting.clear();
    });
  }
  waiting.add(onChange);
  return () => waiting.delete(onChange);
}

/** A date in the reader's own time zone (in UTC in the server's HTML, until the browser takes over). */
export function LocalDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const local = useSyncExternalStore(subscribe, () => localTime, () => false);
  const locale = useLocale();
  const format = withTime ? formatDateTime : formatDate;
  // In the browser before the switch (hydrating), the server's text stays: React keeps an element's
  // own differing text under suppressHydrationWarning, and nothing is formatted for it.
  const text = local ? format(date, locale) : typeof window === "undefined" ? format(date, locale, "UTC") : "";
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
