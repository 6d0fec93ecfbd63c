/**
 * One dated task as an `.ics` file (an all-day event on its due day). Any member may download it (they
 * all see the tasks); it goes through the same authorization as every case route, like a visit's
 * (app/api/cases/[caseId]/opinions/[opinionId]/calendar). A task with no due date, or not in this case, is 404.
 */
import { TRPCError } from "@trpc/server";
import { toICalendar } from "@/server/calendar/ics";
import { findTaskEvent } from "@/server/calendar/tasks";
import { caseDownload } from "@/server/files/case-download";
import { localeOf } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { messageRef } from "@/lib/i18n/message-ref";

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string; taskId: string }> }) {
  const ids = await params;
  return caseDownload(request, ids, "viewer", async ({ db, member }) => {
    const locale = await localeOf(request.headers);
    const event = await findTaskEvent(db, member.caseId, ids.taskId, member.userId, locale);
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: messageRef("tasks.errors.noDueDate") });
    const body = toICalendar([event], translatorFor(locale)("opinions.calendar.feedName"));
    return { body: Buffer.from(body, "utf8"), mediaType: "text/calendar; charset=utf-8", fileName: "task.ics" };
  });
}
