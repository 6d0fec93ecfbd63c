import { useLocale, useTranslations } from "next-intl";
import { LocalDate } from "@/components/ui/local-date";
import { formatDateTime } from "@/lib/format-date";
import { offsetMinutes, zoneCity, zoneOffsetLabel } from "@/lib/time-zone";
import { ReaderTime } from "./reader-time";

/**
 * A visit's time on the clocks of the zone it was booked in, with the zone named ("10:00 AM · Madrid
 * time (UTC+01:00)"): the same for every reader and on the server, so nothing changes at hydration. In
 * a browser whose own zone differs at that moment, the reader's own time follows. A visit with no zone
 * (saved before zones) is shown in the reader's zone, as every other date (decision 0021, 0037).
 * Not a client component of its own: on a server-rendered page the zone arithmetic stays on the server
 * and only the reader's-time line goes to the browser.
 */
export function VisitTime({ date, zone }: { date: Date; zone: string | null }) {
  const t = useTranslations("opinions.visit");
  const locale = useLocale();
  if (!zone) return <LocalDate date={date} withTime />;
  return (
    <>
      {t.rich("zoned", {
        zone: t("zone", { city: zoneCity(zone), offset: zoneOffsetLabel(date, zone) }),
        time: () => <time dateTime={date.toISOString()}>{formatDateTime(date, locale, zone)}</time>,
      })}
      <ReaderTime date={date} zoneOffset={offsetMinutes(date, zone)} />
    </>
  );
}
