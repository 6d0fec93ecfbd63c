/**
 * Download a record's file, for members allowed to see it (server/files/record-files.ts). Always
 * as an attachment, never rendered by the browser: the stored type, nosniff and a sandboxing CSP.
 */
import { messageRef } from "@/lib/i18n/message-ref";
import { caseDownload } from "@/server/files/case-download";
import { readRecordFile } from "@/server/files/record-files";
import { withRequestId } from "@/server/http/route-scope";

export const GET = withRequestId(async (request: Request, { params }: { params: Promise<{ caseId: string; fileId: string }> }) => {
  const ids = await params;
  return caseDownload(
    request,
    ids,
    "viewer",
    async ({ db, member }) => {
      const file = await readRecordFile({ db, member, fileId: ids.fileId });
      return { body: file.bytes, mediaType: file.mediaType, fileName: file.name };
    },
    { notFound: messageRef("records.errors.fileNotFound") },
  );
});
