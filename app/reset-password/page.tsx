import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("reset.title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <AuthPage title={t("reset.title")}>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p>{t.rich("reset.needsLink", { link: (chunks) => <Link href="/forgot-password">{chunks}</Link> })}</p>
      )}
    </AuthPage>
  );
}
