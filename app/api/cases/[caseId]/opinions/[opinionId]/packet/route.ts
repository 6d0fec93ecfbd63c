/**
 * The visit packet as a PDF, made on the server: `?chosen=1&section=…&item=…&coming=…&tz=…&lang=…`, the
 * same query as the packet page (lib/packet.ts), plus the language the packet is written in (`lang`, one of
 * LOCALES; the reader's own when left out). Any member may download it; what goes in is limited to what
 * they may see (server/packet). The download is logged, quietly.
 */
import { recordActivity } from "@/server/activity";
import { caseDownload } from "@/server/files/case-download";
import { pdfLocale } from "@/server/i18n/pdf-locale";
import { loadPacket } from "@/server/packet/packet-data";
import { packetFileName, renderPacketPdf } from "@/server/pdf/packet-document";
import { safeTimeZone } from "@/server/pdf/parts";
import { parsePacketChoice } from "@/lib/packet";
import { messageRef } from "@/lib/i18n/message-ref";
import { withRequestId } from "@/server/http/route-scope";

export const GET = withRequestId(async (request: Request, { params }: { params: Promise<{ caseId: string; opinionId: string }> }) => {
  const ids = await params;
  return caseDownload(request, ids, "viewer", async ({ db, member, url }) => {
    const packet = await loadPacket(db, member, ids.opinionId, parsePacketChoice(url.searchParams));
    const locale = await pdfLocale(request, url);
    const body = await renderPacketPdf(packet, locale, safeTimeZone(url.searchParams.get("tz")));
    await db.transaction((tx) =>
      recordActivity(tx, {
        caseId: member.caseId,
        actorId: member.userId,
        action: "packet.downloaded",
        entityType: "opinion",
        entityId: packet.opinion.id,
        summary: messageRef("packet.activity.downloaded", { label: packet.opinion.label }),
      }),
    );
    return { body, mediaType: "application/pdf", fileName: packetFileName(packet, locale) };
  }, { heavy: true });
});
