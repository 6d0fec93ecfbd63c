/**
 * The common path of the route handlers that hand out a generated file about a case (the visit
 * packet, the export, the comparison PDF): refuse cross-site requests, require a session, check
 * the ids, authorize with `requireCaseMember` — the same rule as `caseProcedure` and the file
 * download — then send the bytes as an attachment that is never rendered in the browser.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/database/connection";
import type { CaseRole } from "@/lib/member";
import { requireCaseMember, type CaseContext } from "@/server/access";
import { cleanFileName, contentDisposition, fileErrorResponse } from "./record-files";

export interface GeneratedFile {
  /** The whole file, or a stream of it (sent without a Content-Length). */
  body: Buffer | ReadableStream<Uint8Array>;
  mediaType: string;
  fileName: string;
}

const uuid = z.uuid();

export async function caseDownload(
  request: Request,
  ids: Record<string, string>,
  minRole: CaseRole,
  produce: (input: { db: Db; member: CaseContext; url: URL }) => Promise<GeneratedFile>,
): Promise<Response> {
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  }
  const session = await getSession();
  if (!session) return Response.json({ error: "Please sign in." }, { status: 401 });
  if (!Object.values(ids).every((id) => uuid.safeParse(id).success)) {
    return Response.json({ error: "We could not find that case." }, { status: 404 });
  }
  try {
    const db = await getDb();
    const member = await requireCaseMember(db, ids.caseId!, session.user.id, minRole);
    const file = await produce({ db, member, url: new URL(request.url) });
    const { body } = file;
    // A view on the bytes, not a copy (a Buffer is typed over ArrayBufferLike; it is a plain ArrayBuffer here).
    const whole = Buffer.isBuffer(body) ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) : null;
    return new Response(whole ?? (body as ReadableStream<Uint8Array>), {
      status: 200,
      headers: {
        "Content-Type": file.mediaType,
        ...(whole ? { "Content-Length": String(whole.byteLength) } : {}),
        "Content-Disposition": contentDisposition(cleanFileName(file.fileName)),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return fileErrorResponse(error);
  }
}
