/**
 * Unsubscribing from one kind of email (server/notifications/unsubscribe.ts). Mail clients POST here
 * from the List-Unsubscribe header (RFC 8058), without a session or an Origin, so the signed link is
 * the only proof; the button on /unsubscribe posts here too (with `from=page`) and is sent back to the
 * page to read the result. A GET — a person or a mail scanner opening the link — changes nothing: it
 * goes to the page, whose button is the only way to unsubscribe there.
 */
import { localeOf } from "@/server/i18n/locale";
import { translateRef, translatorFor } from "@/server/i18n/translator";
import { getDb } from "@/server/database/connection";
import { unsubscribeByLink } from "@/server/notifications/unsubscribe";
import { UNEXPECTED_ERROR_MESSAGE } from "@/server/errors";
import { logServerError } from "@/server/log";
import { withRequestId } from "@/server/http/route-scope";

export const POST = withRequestId(async (request: Request) => {
  const url = new URL(request.url);
  const params = url.searchParams;
  try {
    const form = await request.formData().catch(() => null);
    const kind = await unsubscribeByLink(await getDb(), { u: params.get("u"), k: params.get("k"), t: params.get("t") });
    if (form?.get("from") === "page") {
      const back = new URLSearchParams(params);
      back.set("done", kind ? "1" : "0");
      return Response.redirect(new URL(`/unsubscribe?${back}`, url), 303);
    }
    // A mail client posts this without a session: the answer is in the browser's (or client's) language.
    const t = translatorFor(await localeOf(request.headers));
    return new Response(kind ? t("digest.unsubscribe.oneClickDone") : t("digest.unsubscribe.oneClickBad"), { status: kind ? 200 : 400 });
  } catch (error) {
    // Like every route: a plain answer, and the error logged without its text.
    logServerError("unsubscribe", error);
    return new Response(translateRef(UNEXPECTED_ERROR_MESSAGE, await localeOf(request.headers)), { status: 500 });
  }
});

export const GET = withRequestId((request: Request) => {
  const url = new URL(request.url);
  return Response.redirect(new URL(`/unsubscribe${url.search}`, url), 303);
});
