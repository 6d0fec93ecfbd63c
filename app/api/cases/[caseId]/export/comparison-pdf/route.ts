/** The comparison grid and the decision with its history, as a PDF (`?lang=` chooses its language; the owner's own by default). Owner only. */
import { exportComparisonPdf } from "@/server/export/export-download";
import { caseDownload } from "@/server/files/case-download";
import { pdfLocale } from "@/server/i18n/pdf-locale";
import { withRequestId } from "@/server/http/route-scope";

export const GET = withRequestId(async (request: Request, { params }: { params: Promise<{ caseId: string }> }) => {
  return caseDownload(
    request,
    await params,
    "owner",
    async ({ db, member, url }) => exportComparisonPdf(db, member, await pdfLocale(request, url)),
    { heavy: true },
  );
});
