"use client";
import { useLocale, useTranslations } from "next-intl";
import { useBrowserValue } from "@/components/ui/use-browser-value";
import { formatDateTime } from "@/lib/format-date";

/**
 * The reader's own time for a visit booked in another zone, shown only in a browser whose clocks differ
 * from that zone's (`zoneOffset`, minutes ahead of UTC) at that moment; nothing on the server.
 */
export function ReaderTime({ date, zoneOffset }: { date: Date; zoneOffset: number }) {
  const t = useTranslations("opinions.visit");
  const locale = useLocale();
  // getTimezoneOffset is minutes behind UTC, in the browser's own zone, at that date.
  const readerOffset = useBrowserValue(() => -date.getTimezoneOffset(), null);
  if (readerOffset === null || readerOffset === zoneOffset) return null;
  return <span className="block text-sm text-muted">{t("yourTime", { time: formatDateTime(date, locale) })}</span>;
}
