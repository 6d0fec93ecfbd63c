"use client";
import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { LOCALE_NAMES, type AnyLocale } from "@/lib/i18n/locales";

/**
 * A button per other language, each named in its own language (and marked so, for screen readers).
 * A plain form post (app/api/locale/route.ts), so it works before scripts load; it comes back to this page.
 */
export function LanguageSwitch({ choices }: { choices: readonly AnyLocale[] }) {
  const t = useTranslations("layout");
  const current = useLocale();
  const pathname = usePathname();
  const others = choices.filter((locale) => locale !== current);
  return (
    <form method="post" action="/api/locale" className="flex items-center gap-2">
      <input type="hidden" name="back" value={pathname} />
      <span className="sr-only">{t("languageSwitch")}</span>
      {others.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className="min-h-11 rounded-lg px-2 text-brand-700 underline hover:bg-slate-100"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
