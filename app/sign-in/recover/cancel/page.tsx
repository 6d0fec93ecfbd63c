import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { CancelTwoStepReset } from "@/components/account/two-step-recovery";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("recover.cancelTitle") };
}

/** From the "will be turned off in 24 hours" email; works without signing in. */
export default async function CancelTwoStepResetPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <AuthPage title={t("recover.cancelTitle")}>
      <div className="flex flex-col gap-4">
        <p>{t("recover.cancelIntro")}</p>
        <CancelTwoStepReset token={token ?? ""} />
      </div>
    </AuthPage>
  );
}
