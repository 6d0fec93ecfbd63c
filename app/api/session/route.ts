/**
 * The browser's session clock (components/account/session-guard.tsx). GET says when this session
 * ends and changes nothing — background checks are not activity. POST is the "still here" ping sent
 * after a real interaction (typing, clicking, a page load): it restarts the idle limit.
 * Answers `{ state: "ended" }` once the session is over, so the page can say so.
 */
import { localeOf } from "@/server/i18n/locale";
import { translateRef } from "@/server/i18n/translator";
import { getSession, sessionJustRenewed } from "@/server/auth";
import { sessionClock } from "@/server/auth/sessions";
import { getDb } from "@/server/database/connection";
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailable, isDatabaseUnavailable } from "@/server/database/outage";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { logServerError } from "@/server/log";
import { errorJson, withRequestId } from "@/server/http/route-scope";

const NO_STORE = { "Cache-Control": "private, no-store" };

async function answer(request: Request, touch: boolean): Promise<Response> {
  try {
    const session = await getSession();
    // Sent just before "confirm it's you" renewed the session: not an end. The page asks again later.
    if (!session && (await sessionJustRenewed())) return Response.json({ state: "renewed" }, { status: 409, headers: NO_STORE });
    if (!session) return Response.json({ state: "ended" }, { headers: NO_STORE });
    return Response.json(await sessionClock(await getDb(), session.sessionId, { touch }), { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable) && !isDatabaseUnavailable(error)) logServerError("session", error);
    // Not knowing is not "ended": the page keeps its clock and asks again.
    return errorJson({ error: translateRef(DATABASE_UNAVAILABLE_MESSAGE, await localeOf(request.headers)) }, { status: 503, headers: NO_STORE });
  }
}

export const GET = withRequestId((request: Request): Promise<Response> => {
  return answer(request, false);
});

export const POST = withRequestId(async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return errorJson({ error: "Cross-site requests are not allowed." }, { status: 403 });
  return answer(request, true);
});
