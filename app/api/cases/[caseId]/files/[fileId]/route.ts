/**
 * Download a record's file, for members allowed to see it (server/files/record-files.ts). Always
 * as an attachment, never rendered by the browser: the stored type, nosniff and a sandboxing CSP.
 */
import { z } from "zod";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/database/connection";
import { contentDisposition, fileErrorResponse, openRecordFile } from "@/server/files/record-files";

const uuid = z.uuid();

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string; fileId: string }> }) {
  // A download started from another site (a link or image planted elsewhere) is refused.
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  }
  const session = await getSession();
  if (!session) return Response.json({ error: "Please sign in." }, { status: 401 });
  const { caseId, fileId } = await params;
  if (!uuid.safeParse(caseId).success || !uuid.safeParse(fileId).success) {
    return Response.json({ error: "We could not find that file." }, { status: 404 });
  }
  try {
    const file = await openRecordFile({ db: await getDb(), userId: session.user.id, caseId, fileId });
    // A view on the stored bytes, not a copy (a Buffer is typed over ArrayBufferLike; it is a plain ArrayBuffer here).
    const body = new Uint8Array(file.bytes.buffer as ArrayBuffer, file.bytes.byteOffset, file.bytes.byteLength);
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": file.mediaType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": contentDisposition(file.name),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return fileErrorResponse(error);
  }
}
