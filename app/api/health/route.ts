/**
 * Liveness for a load balancer or orchestrator: the process is up and answering. Touches nothing —
 * no database, no session — so it stays cheap and says nothing about anyone. See /api/ready for
 * "can serve requests".
 */
import { withRequestId } from "@/server/http/route-scope";

export const dynamic = "force-dynamic";

// No access line (quiet): it is asked every few seconds.
export const GET = withRequestId(async () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }), { quiet: true });
