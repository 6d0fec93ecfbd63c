import type { Metadata } from "next";
import { AuthPage } from "@/components/account/auth-page";
import { RequestTwoStepReset } from "@/components/account/two-step-recovery";

export const metadata: Metadata = { title: "Lost your authenticator" };

/** From the code step: the way back in for someone with neither their authenticator nor a recovery code. */
export default function RecoverTwoStepPage() {
  return (
    <AuthPage title="Lost your authenticator and recovery codes?">
      <div className="flex flex-col gap-4">
        <p>
          If you still have a recovery code, go back and type it instead of the app&apos;s code: it signs you in at once.
        </p>
        <p>
          Without one, we can turn off two-step sign-in for you after a 24-hour wait. We email you when it starts, with a
          way to cancel it, and when it ends. The wait protects you if someone else has your password.
        </p>
        <RequestTwoStepReset />
      </div>
    </AuthPage>
  );
}
