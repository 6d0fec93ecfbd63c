import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthPage } from "@/components/account/auth-page";
import { EmailLinkContinue } from "@/components/account/email-link-continue";
import { Notice } from "@/components/ui/notice";
import { inspectLink } from "@/server/auth/email-links";
import { linkBrowserSecret } from "@/server/auth/factor-cookies";
import { getDb } from "@/server/database/connection";
import { safeCallbackPath } from "@/lib/account";

export const metadata: Metadata = { title: "Sign in with your emailed link" };

type Params = { token?: string; callbackUrl?: string };

/** Where an emailed sign-in link lands: it says plainly whether the link can be used here, and uses it on a click. */
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<Params> }) {
  await connection();
  const { token, callbackUrl } = await searchParams;
  const state = token && token.length <= 200 ? await inspectLink(await getDb(), "sign_in", token, await linkBrowserSecret(false)) : "invalid";
  const next = safeCallbackPath(callbackUrl);
  return (
    <AuthPage title="Sign in with your emailed link">
      {state === "ready" && token && (
        <div className="flex flex-col gap-4">
          <p>This link signs you in to SecondLook on this device. It works once.</p>
          <EmailLinkContinue token={token} callbackUrl={next} />
        </div>
      )}
      {state === "other-browser" && (
        <Notice tone="caution">
          <p>
            <strong>Please open this link on the device where you asked for it.</strong> For your safety, a sign-in link only
            works in the browser that asked for it. If you are on that device, open the link in the same browser.
          </p>
          <p className="mt-2">
            Or <Link href="/sign-in">ask for a new link here</Link>.
          </p>
        </Notice>
      )}
      {state === "invalid" && (
        <Notice tone="caution">
          <p>This sign-in link has expired or was already used. Links work once, for 15 minutes.</p>
          <p className="mt-2">
            <Link href="/sign-in">Ask for a new link</Link>
          </p>
        </Notice>
      )}
    </AuthPage>
  );
}
