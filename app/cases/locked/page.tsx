import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases.locked"))("title") };
}

/**
 * The lock screen: every page of a case whose owner requires two-step sign-in comes here for a member
 * who has not set it up (app/cases/[caseId]/load-case.ts). It names no case: it is only reached by
 * members, but says nothing that needs the case.
 */
export default async function CaseLockedPage() {
  const t = await getTranslations("cases.locked");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("why")}</p>
      <p className="text-lg">{t("notYet")}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/account#two-step-title" className={buttonClasses("primary")}>
          {t("setUp")}
        </Link>
        <Link href="/cases" className={buttonClasses("secondary")}>
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
