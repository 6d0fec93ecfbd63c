/** The request context for the tRPC route handler and the server-side caller. */
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { getSession } from "./auth";
import { DatabaseUnavailable, isDatabaseUnavailable } from "@/server/database/outage";
import { getDb } from "@/server/database/connection";
import { getMailer } from "./mail";
import { createContextInner, type Context } from "./trpc";
import { newAccessChecks } from "@/server/access";
import { requestClientAddress } from "@/server/http/client-address";
import { localeOf } from "@/server/i18n/locale";
import { sessionCookieHeader } from "./auth/session-cookie";
import { currentRequestId, requestIdOf } from "@/server/http/request-id";

/** Whether tRPC will stream this request's answer (its headers then leave before any procedure runs). */
function streamedAnswer(requestHeaders: Headers): boolean {
  const accept = requestHeaders.get("trpc-accept") ?? requestHeaders.get("accept") ?? "";
  return accept.split(",").some((type) => type.trim() === "application/jsonl");
}

/**
 * `requestHeaders`: the route handler's request, and `responseHeaders` its answer's headers (tRPC
 * sends them with an unstreamed answer); server components read the request from Next and answer
 * with no cookie.
 */
export async function createRequestContext(requestHeaders?: Headers, responseHeaders?: Headers): Promise<Context> {
  try {
    const session = await getSession();
    const headerList = requestHeaders ?? (await headers());
    const canSetCookie = session && requestHeaders && responseHeaders && !streamedAnswer(requestHeaders);
    return createContextInner({
      db: await getDb(),
      session,
      mailer: getMailer(),
      clientAddress: requestClientAddress(headerList),
      accessChecks: newAccessChecks(session),
      locale: await localeOf(headerList),
      // The route handler's scope, or (a server component's caller) the id proxy.ts gave the page request.
      requestId: currentRequestId() ?? requestIdOf(headerList),
      replaceSessionCookie: canSetCookie
        ? async (sessionId) => responseHeaders.append("Set-Cookie", await sessionCookieHeader(session.user, sessionId))
        : undefined,
    });
  } catch (error) {
    if (error instanceof DatabaseUnavailable || isDatabaseUnavailable(error)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: new DatabaseUnavailable().message, cause: error });
    }
    throw error;
  }
}
