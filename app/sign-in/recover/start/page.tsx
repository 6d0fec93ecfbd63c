import type { Metadata } from "next";
import { AuthPage } from "@/components/account/auth-page";
import { StartTwoStepReset } from "@/components/account/two-step-recovery";

export const metadata: Metadata = { title: "Turn off two-step sign-in" };

/** Where the emailed reset link lands; a click (not the visit) starts the wait, as mail scanners open links. */
export default async function StartTwoStepResetPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthPage title="Turn off two-step sign-in">
      <div className="flex flex-col gap-4">
        <p>Two-step sign-in will be turned off 24 hours after you start. We email you now and when it is done.</p>
        <StartTwoStepReset token={token ?? ""} />
      </div>
    </AuthPage>
  );
}
