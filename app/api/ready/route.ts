/**
 * Readiness for a load balancer: 200 when this instance can serve (database reachable, migrations
 * applied, live LISTEN up), else 503 with the reason (server/database/readiness.ts). No session is
 * read and no case data leaves; never cached.
 */
import { ensureDatabase } from "@/server/database/connection";
import { checkReadiness } from "@/server/database/readiness";
import { currentRequestId } from "@/server/http/request-id";
import { withRequestId } from "@/server/http/route-scope";
import { logger } from "@/server/log";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

// No access line (quiet): a load balancer asks every few seconds. A failed check is logged.
export const GET = withRequestId(
  async () => {
    const readiness = await checkReadiness(ensureDatabase);
    if (readiness.ready) return Response.json({ status: "ready" }, { headers: NO_STORE });
    logger.warn({ event: "not-ready", reason: readiness.reason });
    return Response.json({ status: "not-ready", reason: readiness.reason, requestId: currentRequestId() }, { status: 503, headers: NO_STORE });
  },
  { quiet: true },
);
