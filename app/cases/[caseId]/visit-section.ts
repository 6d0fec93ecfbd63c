/**
 * A case page's first line: load the case (the page's authorization, `loadCase`) and record that
 * this member opened this section, for the owner's access log (docs/decisions/0029). The write runs
 * after the response (`after`), so the page never waits for it; a prefetch is not a visit.
 */
import "server-only";
import { after } from "next/server";
import { headers } from "next/headers";
import type { CaseSection } from "@/lib/live";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/database/connection";
import { REQUEST_ID_HEADER } from "@/server/http/request-id";
import { logServerError } from "@/server/log";
import { recordSectionVisit } from "@/server/section-visits";
import { loadCase } from "./load-case";

export async function visitSection(caseId: string, section: CaseSection) {
  const theCase = await loadCase(caseId);
  const [session, requestHeaders] = await Promise.all([getSession(), headers()]);
  if (session && !requestHeaders.has("next-router-prefetch")) {
    const userId = session.user.id;
    after(async () => {
      try {
        await recordSectionVisit(await getDb(), { caseId: theCase.id, userId, section });
      } catch (error) {
        // The page was already sent; the log line carries ids only (server/log.ts).
        logServerError("access-log.visit", error, { caseId: theCase.id, section, requestId: requestHeaders.get(REQUEST_ID_HEADER) ?? undefined });
      }
    });
  }
  return theCase;
}
