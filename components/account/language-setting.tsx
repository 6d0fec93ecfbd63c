import { useLocale, useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { LOCALE_NAMES, type AnyLocale } from "@/lib/i18n/locales";

/** The account's language: pages, emails and PDFs follow it (app/api/locale/route.ts stores it). */
export function LanguageSetting({ languages }: { languages: readonly AnyLocale[] }) {
  const t = useTranslations("account");
  const locale = useLocale();
  return (
    <section aria-labelledby="language-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="language-title" className="text-2xl font-semibold">
        {t("language.title")}
      </h2>
      <p>{t("language.current", { language: LOCALE_NAMES[locale] })}</p>
      <p className="text-muted">{t("language.explain")}</p>
      <LanguageSwitch choices={languages} />
    </section>
  );
}
