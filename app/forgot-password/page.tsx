import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthPage } from "@/components/account/auth-page";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { emailLinksAvailable } from "@/server/mail";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  if (!emailLinksAvailable()) notFound();
  return (
    <AuthPage title="Reset your password" intro={<p>Enter the email address of your account and we will email you a link.</p>}>
      <ForgotPasswordForm />
    </AuthPage>
  );
}
