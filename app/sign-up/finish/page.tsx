import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { buttonClasses } from "@/components/ui/button";
import { finishSignUpAction } from "@/server/auth/sign-up-actions";
import { pendingSignUp } from "@/server/auth/sign-up";
import { getDb } from "@/server/database/connection";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("finishSignUp.title"), robots: { index: false } };
}

/**
 * The emailed sign-up link lands here. Opening the page changes nothing (mail scanners open links);
 * the button creates the account and signs in.
 */
export default async function FinishSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const pending = typeof token === "string" ? await pendingSignUp(await getDb(), token) : null;
  const t = await getTranslations("signIn");
  if (typeof token !== "string" || !pending) {
    return (
      <AuthPage title={t("finishSignUp.expiredTitle")}>
        <p>
          {t.rich("finishSignUp.expired", {
            start: (chunks) => <Link href="/sign-up">{chunks}</Link>,
            signIn: (chunks) => <Link href="/sign-in">{chunks}</Link>,
          })}
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title={t("finishSignUp.title")}>
      <form action={finishSignUpAction.bind(null, token)} className="flex flex-col gap-5">
        <p>{t("finishSignUp.confirmed")}</p>
        <button type="submit" className={buttonClasses("primary")}>
          {t("finishSignUp.submit")}
        </button>
      </form>
    </AuthPage>
  );
}
