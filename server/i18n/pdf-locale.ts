/** The language a downloaded PDF is written in: the one asked for (`?lang=`), else the reader's own. */
import "server-only";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { localeOf } from "./locale";

export async function pdfLocale(request: Request, url: URL): Promise<Locale> {
  const asked = url.searchParams.get("lang");
  if (isLocale(asked)) return asked;
  const own = await localeOf(request.headers);
  // The pseudo-locale is for checking screens; a document someone takes to a clinic is in a real language.
  return isLocale(own) ? own : DEFAULT_LOCALE;
}
