import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { AccountMenu } from "@/components/account/account-menu";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import type { AnyLocale } from "@/lib/i18n/locales";

/**
 * The site's header; `user` is the signed-in person, or null (the root layout reads the session).
 * Signed out, it offers the other language; signed in, the language is an account setting.
 */
export function SiteHeader({
  user,
  languages,
}: {
  user: { id: string; name: string; email: string } | null;
  languages: readonly AnyLocale[];
}) {
  const t = useTranslations("layout");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2 sm:py-3">
        <Link href={user ? "/cases" : "/"} className="text-xl font-bold text-brand-700 no-underline">
          SecondLook
        </Link>
        <nav aria-label={t("accountNav")}>
          {user ? (
            <AccountMenu userId={user.id} name={user.name} email={user.email} />
          ) : (
            <ul className="flex flex-wrap items-center gap-x-4">
              <li>
                <Link href="/sign-in">{t("signIn")}</Link>
              </li>
              <li>
                <Link href="/sign-up">{t("createAccount")}</Link>
              </li>
              <li>
                <LanguageSwitch choices={languages} />
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}
