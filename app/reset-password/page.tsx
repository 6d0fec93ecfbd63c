import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage } from "@/components/account/auth-page";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthPage title="Choose a new password">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p>
          This page needs the link from your reset email. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </AuthPage>
  );
}
