/**
 * The one path of the route handlers under app/api/cases/[caseId]/ (a record's files, the visit
 * packet, the export, the comparison PDF): refuse cross-site requests, require a session, check the
 * ids, authorize with `requireCaseMember` — the same rule as `caseProcedure` — and answer a refusal
 * with the same meaning per code as the tRPC API. `caseDownload` then sends a file as an attachment
 * that is never rendered in the browser.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getSession } from "@/server/auth";
import { ProofRequired } from "@/server/auth/recent-proof";
import { getDb } from "@/server/database/connection";
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailable, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/server/database/outage";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { errorJson } from "@/server/http/route-scope";
import type { CaseRole } from "@/lib/member";
import { logRefusal, requireCaseMember, type CaseContext } from "@/server/access";
import { UNEXPECTED_ERROR_MESSAGE } from "@/server/errors";
import { messageRef } from "@/lib/i18n/message-ref";
import { localeOf } from "@/server/i18n/locale";
import { translateRef } from "@/server/i18n/translator";
import { logServerError } from "@/server/log";
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, heavyDownloads, QueueBusy, releasingWhenDone } from "@/server/http/work-queue";
import { cleanFileName, contentDisposition } from "./record-files";

export interface GeneratedFile {
  /** The whole file, or a stream of it (sent without a Content-Length). */
  body: Buffer | ReadableStream<Uint8Array>;
  mediaType: string;
  fileName: string;
}

/** What a route's work receives once the request is authorized. */
export interface CaseRequest {
  db: Db;
  member: CaseContext;
  url: URL;
  /** The asking browser's session, for a download that needs a recent "confirm it's you". */
  sessionId: string;
}

export interface CaseRouteOptions {
  /** The 404 message (a message reference) when an id in the path is malformed. */
  notFound?: string;
  /** Expensive to make (an export, a PDF): made in a slot of `heavyDownloads`, or refused with 503 when it is full. */
  heavy?: boolean;
}

const uuid = z.uuid();

const HTTP_STATUS: Partial<Record<TRPCError["code"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
};

/** Every answer here is about a case: no cache may keep it. */
const NO_STORE = { "Cache-Control": "private, no-store" };

/** A JSON error response with the same meaning per code as the tRPC API. */
export async function fileErrorResponse(request: Request, error: unknown): Promise<Response> {
  const locale = await localeOf(request.headers);
  const words = (ref: string) => translateRef(ref, locale);
  const status = error instanceof TRPCError ? HTTP_STATUS[error.code] : undefined;
  if (error instanceof TRPCError && status) {
    // As in the tRPC API: the page turns `proofRequired` into the "confirm it's you" dialog.
    const proofRequired = error.cause instanceof ProofRequired ? { proofRequired: true } : {};
    return errorJson({ error: words(error.message), ...proofRequired }, { status, headers: NO_STORE });
  }
  if (error instanceof QueueBusy) {
    return errorJson({ error: words(BUSY_MESSAGE) }, { status: 503, headers: { ...NO_STORE, "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } });
  }
  if (error instanceof DatabaseUnavailable || isDatabaseUnavailable(error)) {
    return Response.json(
      { error: words(DATABASE_UNAVAILABLE_MESSAGE) },
      { status: 503, headers: { ...NO_STORE, "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  // Its name and code only: a database error's message holds the query's parameters.
  logServerError("files", error);
  return errorJson({ error: words(UNEXPECTED_ERROR_MESSAGE) }, { status: 500, headers: NO_STORE });
}

/**
 * Runs `handle` for a member of case `ids.caseId` whose role is at least `minRole`; every other
 * request gets the refusal's JSON answer. Downloads (GET) started from another site are refused, as
 * is any other method sent from another origin.
 */
export async function caseRoute(
  request: Request,
  ids: Record<string, string>,
  minRole: CaseRole,
  handle: (input: CaseRequest) => Promise<Response>,
  { notFound = messageRef("records.errors.caseNotFound") }: CaseRouteOptions = {},
): Promise<Response> {
  // A refusal before the work starts, in the asking browser's language.
  const refuse = async (ref: string, status: number) =>
    errorJson({ error: translateRef(ref, await localeOf(request.headers)) }, { status, headers: NO_STORE });
  if (request.headers.get("sec-fetch-site") === "cross-site" || isCrossSiteRequest(request)) {
    return refuse(messageRef("records.errors.crossSite"), 403);
  }
  const session = await getSession();
  if (!session) return refuse(messageRef("records.errors.signIn"), 401);
  if (!Object.values(ids).every((id) => uuid.safeParse(id).success)) return refuse(notFound, 404);
  try {
    const db = await getDb();
    const member = await requireCaseMember(db, ids.caseId!, session.user.id, minRole);
    return await handle({ db, member, url: new URL(request.url), sessionId: session.sessionId });
  } catch (error) {
    // The path holds only ids (case, record, file): nothing anyone wrote.
    logRefusal(error, { userId: session.user.id, procedure: `${request.method} ${new URL(request.url).pathname}` });
    return fileErrorResponse(request, error);
  }
}

/** `caseRoute` for a file to download: `produce` makes it, and it is sent as an attachment. */
export function caseDownload(
  request: Request,
  ids: Record<string, string>,
  minRole: CaseRole,
  produce: (input: CaseRequest) => Promise<GeneratedFile>,
  options?: CaseRouteOptions,
): Promise<Response> {
  if (!options?.heavy) return caseRoute(request, ids, minRole, async (input) => attachment(await produce(input)), options);
  return caseRoute(
    request,
    ids,
    minRole,
    async (input) => {
      // Authorized first (caseRoute), so a refused request never takes a slot.
      const release = await heavyDownloads.acquire();
      try {
        const file = await produce(input);
        if (Buffer.isBuffer(file.body)) {
          release();
          return attachment(file);
        }
        return attachment({ ...file, body: releasingWhenDone(file.body, release) });
      } catch (error) {
        release();
        throw error;
      }
    },
    options,
  );
}

function attachment(file: GeneratedFile): Response {
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
}
