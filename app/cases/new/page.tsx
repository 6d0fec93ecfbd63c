import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { NewCaseForm } from "@/components/case/new-case-form";
import { buttonClasses } from "@/components/ui/button";
import { getSession } from "@/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases.new"))("title") };
}

export default async function NewCasePage() {
  if (!(await getSession())) redirect("/sign-in?callbackUrl=/cases/new");
  const t = await getTranslations("cases.new");
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("intro")}</p>
      </div>
      <section aria-labelledby="self-check-offer" className="flex flex-col gap-3 rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
        <h2 id="self-check-offer" className="text-xl font-semibold">
          {t("selfCheckTitle")}
        </h2>
        <p>{t("selfCheckBody")}</p>
        <div>
          <Link href="/cases/new/self-check" className={buttonClasses("primary")}>
            {t("selfCheckStart")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="case-details-title" className="flex flex-col gap-3">
        <h2 id="case-details-title" className="text-xl font-semibold">
          {t("straightToDetails")}
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <NewCaseForm />
        </div>
      </section>
    </div>
  );
}
