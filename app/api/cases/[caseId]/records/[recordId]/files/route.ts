/**
 * Upload a file to a record: the raw bytes as the request body (application/octet-stream), the
 * file name URI-encoded in `X-File-Name`. The work is in server/files/record-files.ts.
 */
import { messageRef } from "@/lib/i18n/message-ref";
import { caseRoute } from "@/server/files/case-download";
import { storeRecordFile } from "@/server/files/record-files";
import { withRequestId } from "@/server/http/route-scope";

function fileNameFrom(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // not valid percent-encoding: keep it as sent; it is cleaned before it is stored
  }
}

function declaredSizeOf(request: Request): number | undefined {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

async function* nothing(): AsyncGenerator<Uint8Array> {}

export const POST = withRequestId(async (request: Request, { params }: { params: Promise<{ caseId: string; recordId: string }> }) => {
  const ids = await params;
  return caseRoute(
    request,
    ids,
    "supporter",
    async ({ db, member }) => {
      const file = await storeRecordFile({
        db,
        member,
        recordId: ids.recordId,
        fileName: fileNameFrom(request),
        body: request.body ?? nothing(),
        declaredSize: declaredSizeOf(request),
      });
      return Response.json(file, { status: 201, headers: { "Cache-Control": "private, no-store" } });
    },
    { notFound: messageRef("records.errors.recordNotFound") },
  );
});
