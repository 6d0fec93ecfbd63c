/**
 * What every route handler under app/api/ is wrapped in: it runs in its request's scope (the id from
 * server/http/request-id.ts is on every log line it causes), answers with `X-Request-Id`, and leaves
 * one access line — method, path, status, time — in the log. The path only: a query string may hold
 * a procedure's input or a link's token.
 */
import "server-only";
import { logger } from "@/server/log";
import { currentRequestId, inRequestScope, REQUEST_ID_HEADER, requestIdOf } from "./request-id";

export interface RouteScopeOptions {
  /** No access line (the health probes, which a load balancer calls every few seconds). */
  quiet?: boolean;
}

export function withRequestId<In extends Request, Rest extends unknown[]>(
  handler: (request: In, ...rest: Rest) => Promise<Response> | Response,
  { quiet = false }: RouteScopeOptions = {},
): (request: In, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const requestId = requestIdOf(request.headers);
    const started = performance.now();
    return inRequestScope(requestId, async () => {
      const response = await handler(request, ...rest);
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // A redirect's headers cannot be changed; proxy.ts has put the id on the answer anyway.
      }
      if (!quiet) {
        const ms = Math.round(performance.now() - started);
        logger.info({ event: "request", method: request.method, path: new URL(request.url).pathname, status: response.status, ms });
      }
      return response;
    });
  };
}

/** A JSON error answer of a route handler, carrying the request's id as `requestId` for the person to quote. */
export function errorJson(body: { error: string } & Record<string, unknown>, init: ResponseInit): Response {
  return Response.json({ ...body, requestId: currentRequestId() }, init);
}
