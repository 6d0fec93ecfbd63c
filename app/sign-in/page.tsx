import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { EmailLinkSignIn } from "@/components/account/email-link-sign-in";
import { SessionEndedNotice } from "@/components/account/session-ended-notice";
import { sessionEndReasonFrom } from "@/lib/vocabulary/session";
import { PasskeySignIn } from "@/components/account/passkey-sign-in";
import { SignInForm } from "@/components/account/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import { emailLinksAvailable } from "@/server/mail";
import { safeCallbackPath } from "@/lib/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("page.title") };
}

type Params = { callbackUrl?: string; email?: string; signedOut?: string; ended?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { callbackUrl: requested, email, signedOut, ended } = await searchParams;
  // Only a path on this site is passed on, to the form and the other page's link (issue 15 §4.3).
  const callbackUrl = requested === undefined ? undefined : safeCallbackPath(requested);
  const endReason = sessionEndReasonFrom(ended);
  if (await getSession()) redirect(safeCallbackPath(callbackUrl));
  const query = new URLSearchParams();
  if (email) query.set("email", email);
  if (callbackUrl) query.set("callbackUrl", callbackUrl);
  const signUpHref = { pathname: "/sign-up", query: Object.fromEntries(query) } as const;
  const t = await getTranslations("signIn");
  const rememberDays = Math.round(config().session.rememberSeconds / 86_400);
  return (
    <AuthPage
      title={t("page.title")}
      intro={<p>{t.rich("page.newHere", { link: (chunks) => <Link href={signUpHref}>{chunks}</Link> })}</p>}
    >
      {signedOut === "everywhere" && (
        <div className="mb-5">
          <Notice>{t("page.signedOutEverywhere")}</Notice>
        </div>
      )}
      {endReason && (
        <div className="mb-5">
          <SessionEndedNotice reason={endReason} idleSeconds={config().session.idleSeconds} />
        </div>
      )}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={email} rememberHint={rememberDays > 0 ? t("form.rememberHint", { days: rememberDays }) : undefined} />
      {emailLinksAvailable() && <EmailLinkSignIn callbackUrl={callbackUrl} defaultEmail={email} />}
      <PasskeySignIn callbackUrl={callbackUrl} />
      {emailLinksAvailable() && (
        <p className="mt-5">
          <Link href="/forgot-password">{t("page.forgotPassword")}</Link>
        </p>
      )}
    </AuthPage>
  );
}
