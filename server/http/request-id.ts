/**
 * Every request has an id: on every log line it causes (server/log.ts), in the `X-Request-Id`
 * header of its answer, and in the body of every error answer — so a person reporting a problem can
 * quote it and the operator finds that request's lines. proxy.ts picks it when the request arrives
 * (a proxy of ours may supply it; otherwise a fresh one) and passes it on in the request's headers;
 * route handlers run inside `withRequestId` (server/http/route-scope.ts), and tRPC procedures inside
 * `inRequestScope`, so code below them reads it with `currentRequestId()` without being handed it.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const REQUEST_ID_HEADER = "x-request-id";

/** What an id from outside may look like: short, and nothing that could forge a log line or a header. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * The id for a request arriving at proxy.ts. A client's own `X-Request-Id` is believed only when
 * the app runs behind proxies of ours (`trustIncoming`: TRUSTED_PROXIES is set), which are expected
 * to set or overwrite it (nginx: `proxy_set_header X-Request-Id $request_id`); then one request has
 * one id from the load balancer to the database.
 */
export function requestIdAtArrival(headers: Headers, trustIncoming: boolean): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return trustIncoming && incoming && SAFE_ID.test(incoming) ? incoming : newRequestId();
}

/** The id proxy.ts gave this request (it overwrites any a client sent), or a new one where it did not run (tests, prefetches). */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && SAFE_ID.test(given) ? given : newRequestId();
}

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request this code runs for, if any (background work has none). */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** Runs `work` as part of request `requestId`. */
export function inRequestScope<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}
