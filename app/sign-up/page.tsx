import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/account/auth-page";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import { emailLinksAvailable } from "@/server/mail";
import { safeCallbackPath } from "@/lib/account";

export const metadata: Metadata = { title: "Create an account" };

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
  return (
    <AuthPage
      title="Create your account"
      intro={
        <p>
          Already have one? <Link href={signInHref}>Sign in</Link>
        </p>
      }
    >
      {emailLinksAvailable() ? (
        <SignUpForm callbackUrl={callbackUrl} defaultEmail={email} linkInServerLog={!config().smtpUrl} />
      ) : (
        // A new account is confirmed by an emailed link (issue 15 §4.5): without email, none can be made.
        <p>New accounts need email, which is not set up on this server yet. Please ask the people who run it.</p>
      )}
    </AuthPage>
  );
}
