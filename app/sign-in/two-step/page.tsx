import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { TwoStepCodeForm } from "@/components/account/two-step-code-form";
import { getSession } from "@/server/auth";
import { safeCallbackPath } from "@/lib/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("twoStep.title") };
}

type Params = { callbackUrl?: string };

/** Asked after a correct password or emailed link, for accounts with two-step sign-in on. */
export default async function TwoStepSignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { callbackUrl } = await searchParams;
  if (await getSession()) redirect(safeCallbackPath(callbackUrl));
  const t = await getTranslations("signIn");
  return (
    <AuthPage
      title={t("twoStep.title")}
      intro={<p>{t("twoStep.intro")}</p>}
    >
      <TwoStepCodeForm callbackUrl={safeCallbackPath(callbackUrl)} />
      <p className="mt-5">{t.rich("twoStep.lostEverything", { link: (chunks) => <Link href="/sign-in/recover">{chunks}</Link> })}</p>
    </AuthPage>
  );
}
