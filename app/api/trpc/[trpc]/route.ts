import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/context";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { RETRY_AFTER_SECONDS } from "@/server/database/outage";
import { appRouter } from "@/server/routers/_app";

function handler(request: Request) {
  if (isCrossSiteRequest(request)) {
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: createRequestContext,
    responseMeta({ errors }) {
      // During a database outage the client is told when to try again.
      const unavailable = errors.some((error) => error.code === "SERVICE_UNAVAILABLE");
      return unavailable ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}`, error);
    },
  });
}

export { handler as GET, handler as POST };
