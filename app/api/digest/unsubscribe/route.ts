/**
 * One-click unsubscribe from the email digest (RFC 8058): mail clients POST here from the
 * List-Unsubscribe header, without a session or an Origin, so the signed link is the only proof.
 * A GET (someone opening the header's link) goes to the page that does the same and says so.
 */
import { localeOf } from "@/server/i18n/locale";
import { translateRef, translatorFor } from "@/server/i18n/translator";
import { getDb } from "@/server/database/connection";
import { unsubscribeByLink } from "@/server/digest/digest";
import { UNEXPECTED_ERROR_MESSAGE } from "@/server/errors";
import { logServerError } from "@/server/log";
import { withRequestId } from "@/server/http/route-scope";

export const POST = withRequestId(async (request: Request) => {
  const url = new URL(request.url);
  try {
    const ok = await unsubscribeByLink(await getDb(), url.searchParams.get("u") ?? "", url.searchParams.get("t") ?? "");
    // A mail client posts this without a session: the answer is in the browser's (or client's) language.
    const t = translatorFor(await localeOf(request.headers));
    return new Response(ok ? t("digest.unsubscribe.oneClickDone") : t("digest.unsubscribe.oneClickBad"), { status: ok ? 200 : 400 });
  } catch (error) {
    // Like every route: a plain answer, and the error logged without its text.
    logServerError("digest.unsubscribe", error);
    return new Response(translateRef(UNEXPECTED_ERROR_MESSAGE, await localeOf(request.headers)), { status: 500 });
  }
});

export const GET = withRequestId((request: Request) => {
  const url = new URL(request.url);
  return Response.redirect(new URL(`/unsubscribe${url.search}`, url), 303);
});
