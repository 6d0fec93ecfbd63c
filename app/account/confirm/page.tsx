import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthPage } from "@/components/account/auth-page";
import { ConfirmByEmailLink } from "@/components/account/confirm-by-email-link";
import { getSession, sessionJustRenewed } from "@/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("confirmPage.title") };
}

/**
 * Where a "confirm it's you" email link lands. It works only in the signed-in browser that asked for
 * it (the link names that session), so opening it elsewhere proves nothing. A click uses it: the
 * session is then renewed, which only an action's answer can hand the browser (a page cannot set cookies).
 */
export default async function ConfirmByEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  await connection();
  const { token } = await searchParams;
  // The click's answer renders this page again under the request's old cookie, whose session the click
  // has just renewed: that browser holds the new cookie and is still signed in, so it stays here.
  if (!(await getSession()) && !(await sessionJustRenewed())) redirect("/sign-in?callbackUrl=/account");
  const t = await getTranslations("account");
  return (
    <AuthPage title={t("confirmPage.title")}>
      <ConfirmByEmailLink token={token ?? ""} />
    </AuthPage>
  );
}
