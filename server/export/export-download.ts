/** The owner's exports as downloads (route handlers under app/api/cases/[caseId]/export/), each written to the activity log. */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import type { Db } from "@/db/client";
import { recordActivity } from "@/server/activity";
import type { GeneratedFile } from "@/server/files/case-download";
import type { Locale } from "@/lib/i18n/locales";
import { comparisonFileName, renderComparisonPdf } from "@/server/pdf/comparison-document";
import type { CaseContext } from "@/server/access";
import { currentRequestId, inRequestScope, newRequestId } from "@/server/http/request-id";
import { logServerError } from "@/server/log";
import { caseExportStream, readCaseExport } from "./case-export";

const datePart = (iso: string) => iso.slice(0, 10);

async function logExport(db: Db, owner: CaseContext, what: "exportedJson" | "exportedPdf" | "exportFailed") {
  await db.transaction((tx) =>
    recordActivity(tx, {
      caseId: owner.caseId,
      actorId: owner.userId,
      action: "case.exported",
      entityType: "case",
      entityId: owner.caseId,
      summary: messageRef(`activity.summaries.${what}`),
    }),
  );
}

export async function exportCaseJson(db: Db, owner: CaseContext): Promise<GeneratedFile> {
  const read = await readCaseExport(db, owner);
  // Logged when the download starts: the stream itself runs after the response is handed over.
  await logExport(db, owner, "exportedJson");
  const { data } = read;
  const requestId = currentRequestId();
  // The browser shows a failed download; the owner also finds it in the case's activity, and the log has what failed.
  const onFailure = (error: unknown) =>
    inRequestScope(requestId ?? newRequestId(), () => {
      logServerError("export.json", error, { caseId: owner.caseId });
      logExport(db, owner, "exportFailed").catch((failure: unknown) => logServerError("export.json.activity", failure, { caseId: owner.caseId }));
    });
  return {
    body: caseExportStream(db, read, { onFailure }),
    mediaType: "application/json; charset=utf-8",
    fileName: `SecondLook - ${data.case.title} - ${datePart(data.exportedAt)}.json`,
  };
}

/** The comparison and decision as a PDF in `locale` (the route takes it from `?lang=`, else the owner's own). */
export async function exportComparisonPdf(db: Db, owner: CaseContext, locale: Locale): Promise<GeneratedFile> {
  const { data } = await readCaseExport(db, owner);
  const bytes = await renderComparisonPdf(data, locale);
  await logExport(db, owner, "exportedPdf");
  return { body: bytes, mediaType: "application/pdf", fileName: comparisonFileName(data, locale) };
}
