/**
 * Upload a file to a record: the raw bytes as the request body (application/octet-stream), the
 * file name URI-encoded in `X-File-Name`. The work is in server/files/record-files.ts.
 */
import { z } from "zod";
import { getSession } from "@/server/auth";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { getDb } from "@/server/database/connection";
import { fileErrorResponse, uploadRecordFile } from "@/server/files/record-files";

const uuid = z.uuid();

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

export async function POST(request: Request, { params }: { params: Promise<{ caseId: string; recordId: string }> }) {
  if (isCrossSiteRequest(request)) {
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  }
  const session = await getSession();
  if (!session) return Response.json({ error: "Please sign in." }, { status: 401 });
  const { caseId, recordId } = await params;
  if (!uuid.safeParse(caseId).success || !uuid.safeParse(recordId).success) {
    return Response.json({ error: "We could not find that record." }, { status: 404 });
  }
  try {
    const file = await uploadRecordFile({
      db: await getDb(),
      userId: session.user.id,
      caseId,
      recordId,
      fileName: fileNameFrom(request),
      body: request.body ?? nothing(),
      declaredSize: declaredSizeOf(request),
    });
    return Response.json(file, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return fileErrorResponse(error);
  }
}
