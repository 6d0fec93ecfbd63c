import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { StartTwoStepReset } from "@/components/account/two-step-recovery";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("recover.startTitle") };
}

/** Where the emailed reset link lands; a click (not the visit) starts the wait, as mail scanners open links. */
export default async function StartTwoStepResetPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <AuthPage title={t("recover.startTitle")}>
      <div className="flex flex-col gap-4">
        <p>{t("recover.startIntro")}</p>
        <StartTwoStepReset token={token ?? ""} />
      </div>
    </AuthPage>
  );
}
