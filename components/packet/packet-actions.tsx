"use client";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { useBrowserValue } from "@/components/ui/use-browser-value";
import type { Locale } from "@/lib/i18n/locales";

/** One download link per language, each named in its own language ("Download in English", "Descargar en español"). */
export type PdfLanguage = { locale: Locale; label: string };

/**
 * Print (the browser's own dialog, which prints only the packet) and the server-made PDF, in either
 * language: a Spanish-speaking patient may take an English packet to an English-speaking clinic. The
 * reader's own language comes first. The PDF links gain the reader's time zone once in the browser, so
 * the visit time reads as their local time.
 */
export function PacketActions({ pdfHref, languages }: { pdfHref: string; languages: PdfLanguage[] }) {
  const t = useTranslations("packet");
  const timeZone = useBrowserValue(() => Intl.DateTimeFormat().resolvedOptions().timeZone, "");
  const withParams = (locale: Locale) => {
    const params = new URLSearchParams({ lang: locale, ...(timeZone ? { tz: timeZone } : {}) });
    return `${pdfHref}${pdfHref.includes("?") ? "&" : "?"}${params.toString()}`;
  };
  return (
    <div className="flex flex-col gap-2 print:hidden">
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => window.print()}>
          {t("actions.print")}
        </Button>
        {languages.map(({ locale, label }, index) => (
          <a key={locale} href={withParams(locale)} download className={buttonClasses(index === 0 ? "primary" : "secondary")}>
            <span lang={locale}>{label}</span>
          </a>
        ))}
      </div>
      <p className="text-sm text-muted">{t("actions.pdfHint")}</p>
    </div>
  );
}
