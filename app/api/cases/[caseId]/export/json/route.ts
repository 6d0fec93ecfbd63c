/** The whole case as one JSON file (docs/EXPORT.md). Owner only; supporters and viewers are refused (403). */
import { exportCaseJson } from "@/server/export/export-download";
import { caseDownload } from "@/server/files/case-download";

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return caseDownload(request, await params, "owner", ({ db, member }) => exportCaseJson(db, member), { heavy: true });
}
