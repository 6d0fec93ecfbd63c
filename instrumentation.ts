import type { Instrumentation } from "next";

/** Next calls this once when the server starts; the Node.js work lives in server/boot.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./server/boot");
    await boot();
  }
}

/**
 * A page or route failed on the server: one line pairing the digest the error page shows as its
 * reference (app/error.tsx) with the request's id and route, through the one logger (never the
 * error's message, which may hold what someone wrote).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logServerError } = await import("./server/log");
  const requestId = request.headers["x-request-id"];
  logServerError("request", error, {
    requestId: typeof requestId === "string" ? requestId : undefined,
    digest: (error as { digest?: string }).digest,
    route: context.routePath,
    routeType: context.routeType,
  });
};
