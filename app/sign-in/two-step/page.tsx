import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/account/auth-page";
import { TwoStepCodeForm } from "@/components/account/two-step-code-form";
import { getSession } from "@/server/auth";
import { safeCallbackPath } from "@/lib/account";

export const metadata: Metadata = { title: "Two-step sign-in" };

type Params = { callbackUrl?: string };

/** Asked after a correct password or emailed link, for accounts with two-step sign-in on. */
export default async function TwoStepSignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { callbackUrl } = await searchParams;
  if (await getSession()) redirect(safeCallbackPath(callbackUrl));
  return (
    <AuthPage
      title="Two-step sign-in"
      intro={<p>Your account asks for a second step. Open your authenticator app and type the code it shows for SecondLook.</p>}
    >
      <TwoStepCodeForm callbackUrl={safeCallbackPath(callbackUrl)} />
      <p className="mt-5">
        Lost your authenticator and your recovery codes? <Link href="/sign-in/recover">Get back into your account</Link>
      </p>
    </AuthPage>
  );
}
