import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage } from "@/components/account/auth-page";
import { buttonClasses } from "@/components/ui/button";
import { finishSignUpAction } from "@/server/auth/sign-up-actions";
import { pendingSignUp } from "@/server/auth/sign-up";
import { getDb } from "@/server/database/connection";

export const metadata: Metadata = { title: "Finish creating your account", robots: { index: false } };

/**
 * The emailed sign-up link lands here. Opening the page changes nothing (mail scanners open links);
 * the button creates the account and signs in.
 */
export default async function FinishSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const pending = typeof token === "string" ? await pendingSignUp(await getDb(), token) : null;
  if (typeof token !== "string" || !pending) {
    return (
      <AuthPage title="This link no longer works">
        <p>
          Links to finish creating an account work once, for 30 minutes. <Link href="/sign-up">Start again</Link>, or{" "}
          <Link href="/sign-in">sign in</Link> if your account already exists.
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Finish creating your account">
      <form action={finishSignUpAction.bind(null, token)} className="flex flex-col gap-5">
        <p>Your email address is confirmed. One last step: create the account and sign in.</p>
        <button type="submit" className={buttonClasses("primary")}>
          Finish creating my account
        </button>
      </form>
    </AuthPage>
  );
}
