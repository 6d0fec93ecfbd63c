/**
 * The language switch (components/i18n/language-switch.tsx): a plain form POST, so it works before any
 * script has loaded. Remembers the choice in a cookie for this browser and, for a signed-in person, in
 * their account (emails follow it). Then goes back to the page the switch was on.
 */
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { safeCallbackPath } from "@/lib/account";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/database/connection";
import { config } from "@/server/env";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { localeFromCookie } from "@/server/i18n/locale";
import { withRequestId } from "@/server/http/route-scope";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const POST = withRequestId(async (request: Request): Promise<Response> => {
  if (isCrossSiteRequest(request)) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const chosen = localeFromCookie(String(form?.get("locale") ?? ""));
  const back = safeCallbackPath(String(form?.get("back") ?? "/"), "/");
  if (!chosen) return new Response(null, { status: 400 });
  if (isLocale(chosen)) {
    const session = await getSession().catch(() => null);
    if (session) await (await getDb()).update(users).set({ locale: chosen }).where(eq(users.id, session.user.id));
  }
  const secure = config().secureCookies ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      Location: back,
      "Set-Cookie": `${LOCALE_COOKIE}=${chosen}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly${secure}`,
      "Cache-Control": "private, no-store",
    },
  });
});
