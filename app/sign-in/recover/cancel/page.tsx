import type { Metadata } from "next";
import { AuthPage } from "@/components/account/auth-page";
import { CancelTwoStepReset } from "@/components/account/two-step-recovery";

export const metadata: Metadata = { title: "Cancel turning off two-step sign-in" };

/** From the "will be turned off in 24 hours" email; works without signing in. */
export default async function CancelTwoStepResetPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthPage title="Cancel turning off two-step sign-in">
      <div className="flex flex-col gap-4">
        <p>If you did not ask to turn off two-step sign-in, cancel it here. Two-step sign-in then stays on.</p>
        <CancelTwoStepReset token={token ?? ""} />
      </div>
    </AuthPage>
  );
}
