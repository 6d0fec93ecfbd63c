import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { EmailLinkContinue } from "@/components/account/email-link-continue";
import { Notice } from "@/components/ui/notice";
import { inspectLink } from "@/server/auth/email-links";
import { linkBrowserSecret } from "@/server/auth/factor-cookies";
import { getDb } from "@/server/database/connection";
import { safeCallbackPath } from "@/lib/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("linkPage.title") };
}

type Params = { token?: string; callbackUrl?: string };

/** Where an emailed sign-in link lands: it says plainly whether the link can be used here, and uses it on a click. */
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const { token, callbackUrl } = await searchParams;
  const state = token && token.length <= 200 ? await inspectLink(await getDb(), "sign_in", token, await linkBrowserSecret(false)) : "invalid";
  const next = safeCallbackPath(callbackUrl);
  const t = await getTranslations("signIn");
  return (
    <AuthPage title={t("linkPage.title")}>
      {state === "ready" && token && (
        <div className="flex flex-col gap-4">
          <p>{t("linkPage.ready")}</p>
          <EmailLinkContinue token={token} callbackUrl={next} />
        </div>
      )}
      {state === "other-browser" && (
        <Notice tone="caution">
          <p>{t.rich("linkPage.otherBrowser", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="mt-2">{t.rich("linkPage.otherBrowserNewLink", { link: (chunks) => <Link href="/sign-in">{chunks}</Link> })}</p>
        </Notice>
      )}
      {state === "invalid" && (
        <Notice tone="caution">
          <p>{t("linkPage.invalid")}</p>
          <p className="mt-2">
            <Link href="/sign-in">{t("linkPage.askNewLink")}</Link>
          </p>
        </Notice>
      )}
    </AuthPage>
  );
}
