import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/context";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { RETRY_AFTER_SECONDS } from "@/server/database/outage";
import { logServerError } from "@/server/log";
import { errorJson, withRequestId } from "@/server/http/route-scope";
import { appRouter } from "@/server/routers/_app";
import { MAX_BATCH_CALLS } from "@/lib/vocabulary/requests";

/** Answers carry health data: no cache (browser, proxy or CDN) may keep them. */
const NO_STORE = "private, no-store";

const handler = withRequestId(async (request: Request) => {
  if (isCrossSiteRequest(request)) {
    return errorJson({ error: "Cross-site requests are not allowed." }, { status: 403, headers: { "Cache-Control": NO_STORE } });
  }
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // resHeaders: an unstreamed answer's headers, where a rotated session's cookie goes.
    createContext: ({ req, resHeaders }) => createRequestContext(req.headers, resHeaders),
    // A larger batch is refused with 400 before any call in it runs.
    maxBatchSize: MAX_BATCH_CALLS,
    responseMeta({ errors }) {
      // During a database outage the client is told when to try again.
      const unavailable = errors.some((error) => error.code === "SERVICE_UNAVAILABLE");
      return unavailable ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {};
    },
    onError({ error, path, ctx }) {
      // The error's name and code, never its message: a database error's message holds the query's parameters.
      if (error.code === "INTERNAL_SERVER_ERROR") logServerError("trpc", error, { path: path ?? "?", userId: ctx?.session?.user.id });
    },
  });
  // Set here rather than in responseMeta, so that every answer (streamed, batched, refused) has it.
  response.headers.set("Cache-Control", NO_STORE);
  return response;
});

export { handler as GET, handler as POST };
