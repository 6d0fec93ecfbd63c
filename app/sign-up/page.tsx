import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import { emailLinksAvailable } from "@/server/mail";
import { safeCallbackPath } from "@/lib/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("signUp.metaTitle") };
}

type Params = { callbackUrl?: string; email?: string };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { callbackUrl: requested, email } = await searchParams;
  // Only a path on this site is passed on, to the form and the other page's link (issue 15 §4.3).
  const callbackUrl = requested === undefined ? undefined : safeCallbackPath(requested);
  if (await getSession()) redirect(safeCallbackPath(callbackUrl));
  const query = new URLSearchParams();
  if (email) query.set("email", email);
  if (callbackUrl) query.set("callbackUrl", callbackUrl);
  const signInHref = { pathname: "/sign-in", query: Object.fromEntries(query) } as const;
  const t = await getTranslations("signIn");
  return (
    <AuthPage
      title={t("signUp.title")}
      intro={<p>{t.rich("signUp.haveOne", { link: (chunks) => <Link href={signInHref}>{chunks}</Link> })}</p>}
    >
      {emailLinksAvailable() ? (
        <SignUpForm callbackUrl={callbackUrl} defaultEmail={email} linkInServerLog={!config().smtpUrl} />
      ) : (
        // A new account is confirmed by an emailed link (issue 15 §4.5): without email, none can be made.
        <p>{t("signUp.noEmail")}</p>
      )}
    </AuthPage>
  );
}
