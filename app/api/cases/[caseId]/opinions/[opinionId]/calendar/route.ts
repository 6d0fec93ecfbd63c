/**
 * One visit as an `.ics` file to add to a calendar. Any member may download it (they all see the
 * opinion); it goes through the same authorization as every case route (server/files/case-download.ts).
 * A visit with no date yet, or an opinion not in this case, is 404.
 */
import { TRPCError } from "@trpc/server";
import { findVisitEvent } from "@/server/calendar/visits";
import { toICalendar } from "@/server/calendar/ics";
import { caseDownload } from "@/server/files/case-download";
import { localeOf } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { messageRef } from "@/lib/i18n/message-ref";

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string; opinionId: string }> }) {
  const ids = await params;
  return caseDownload(request, ids, "viewer", async ({ db, member }) => {
    const locale = await localeOf(request.headers);
    const event = await findVisitEvent(db, member.caseId, ids.opinionId, locale);
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: messageRef("opinions.errors.noVisitDate") });
    const body = toICalendar([event], translatorFor(locale)("opinions.calendar.feedName"));
    return { body: Buffer.from(body, "utf8"), mediaType: "text/calendar; charset=utf-8", fileName: "visit.ics" };
  });
}
