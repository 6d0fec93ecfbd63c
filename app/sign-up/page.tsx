import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth-page";
import { SignUpForm } from "@/components/sign-up-form";
import { getSession } from "@/server/auth";
import { safeCallbackPath } from "@/server/shared/safe-callback-path";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getSession()) redirect(safeCallbackPath(callbackUrl));
  const signInHref = callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in";
  return (
    <AuthPage
      title="Create your account"
      intro={
        <p>
          Already have one? <Link href={signInHref}>Sign in</Link>
        </p>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthPage>
  );
}
