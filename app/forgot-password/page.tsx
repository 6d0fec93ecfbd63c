import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { emailLinksAvailable } from "@/server/mail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("forgot.title") };
}

export default async function ForgotPasswordPage() {
  if (!emailLinksAvailable()) notFound();
  const t = await getTranslations("signIn");
  return (
    <AuthPage title={t("forgot.title")} intro={<p>{t("forgot.intro")}</p>}>
      <ForgotPasswordForm />
    </AuthPage>
  );
}
