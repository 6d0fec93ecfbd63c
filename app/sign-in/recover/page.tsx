import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { RequestTwoStepReset } from "@/components/account/two-step-recovery";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("recover.metaTitle") };
}

/** From the code step: the way back in for someone with neither their authenticator nor a recovery code. */
export default async function RecoverTwoStepPage() {
  const t = await getTranslations("signIn");
  return (
    <AuthPage title={t("recover.title")}>
      <div className="flex flex-col gap-4">
        <p>{t("recover.haveRecoveryCode")}</p>
        <p>{t("recover.explain")}</p>
        <RequestTwoStepReset />
      </div>
    </AuthPage>
  );
}
