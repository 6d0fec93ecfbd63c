/**
 * The whole case as one JSON file (docs/EXPORT.md). Owner only; supporters and viewers are refused (403).
 * Everything in the case leaves with it, so it needs a recent "confirm it's you" (403 with `proofRequired`).
 */
import { requireRecentProof } from "@/server/auth/recent-proof";
import { exportCaseJson } from "@/server/export/export-download";
import { caseDownload } from "@/server/files/case-download";
import { withRequestId } from "@/server/http/route-scope";

export const GET = withRequestId(async (request: Request, { params }: { params: Promise<{ caseId: string }> }) => {
  return caseDownload(
    request,
    await params,
    "owner",
    async ({ db, member, sessionId }) => {
      await requireRecentProof(db, sessionId);
      return exportCaseJson(db, member);
    },
    { heavy: true },
  );
});
