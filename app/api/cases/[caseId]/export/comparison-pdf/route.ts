/** The comparison grid and the decision with its history, as a PDF. Owner only. */
import { exportComparisonPdf } from "@/server/export/export-download";
import { caseDownload } from "@/server/files/case-download";

export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return caseDownload(request, await params, "owner", ({ db, member }) => exportComparisonPdf(db, member), { heavy: true });
}
