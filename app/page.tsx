import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getSession } from "@/server/auth";

export default async function LandingPage({ searchParams }: { searchParams: Promise<{ accountDeleted?: string }> }) {
  const [session, t] = await Promise.all([getSession(), getTranslations("home")]);
  const accountDeleted = !session && (await searchParams).accountDeleted === "1";
  return (
    <div className="flex flex-col gap-10">
      {accountDeleted && (
        <Notice tone="success">
          <p className="font-semibold">{t("accountDeletedTitle")}</p>
          <p>{t("accountDeletedBody")}</p>
        </Notice>
      )}
      <section aria-labelledby="landing-title" className="max-w-3xl">
        <h1 id="landing-title" className="text-4xl font-bold sm:text-5xl">
          {t("title")}
        </h1>
        <p className="mt-4 text-xl text-muted">{t("intro")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          {session ? (
            <Link href="/cases" className={buttonClasses("primary")}>
              {t("goToCases")}
            </Link>
          ) : (
            <>
              <Link href="/sign-up" className={buttonClasses("primary")}>
                {t("createAccount")}
              </Link>
              <Link href="/sign-in" className={buttonClasses("secondary")}>
                {t("signIn")}
              </Link>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="what-title" className="grid gap-4 sm:grid-cols-3">
        <h2 id="what-title" className="sr-only">
          {t("whatYouCanDo")}
        </h2>
        {[
          [t("prepareTitle"), t("prepareText")],
          [t("compareTitle"), t("compareText")],
          [t("reflectTitle"), t("reflectText")],
        ].map(([title, text]) => (
          <div key={title} className="rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="text-xl font-semibold">{title}</h3>
            <p className="mt-2 text-muted">{text}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="info-title" className="max-w-3xl rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
        <h2 id="info-title" className="text-xl font-semibold">
          {t("notAdviceTitle")}
        </h2>
        <p className="mt-2">{t("notAdviceBody")}</p>
      </section>
    </div>
  );
}
