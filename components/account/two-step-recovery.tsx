"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { LinkRequestState } from "@/server/auth/factor-actions";
import { cancelTwoStepResetAction, requestTwoStepResetAction, startTwoStepResetAction } from "@/server/auth/factor-actions";

/** One button that runs one recovery step and then says what happened, in place of the button. */
function StepButton({ label, run }: { label: string; run: () => Promise<LinkRequestState> }) {
  const [result, setResult] = useState<LinkRequestState | null>(null);
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    try {
      setResult(await run());
    } catch {
      setResult({ ok: false, message: "We could not reach SecondLook. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }
  if (result) return <Notice tone={result.ok ? "success" : "caution"}>{result.message}</Notice>;
  return (
    <div>
      <Button onClick={onClick} disabled={busy}>
        {label}
      </Button>
    </div>
  );
}

export const RequestTwoStepReset = () => <StepButton label="Email me a link to turn off two-step sign-in" run={requestTwoStepResetAction} />;
export const StartTwoStepReset = ({ token }: { token: string }) => <StepButton label="Start the 24-hour wait" run={() => startTwoStepResetAction(token)} />;
export const CancelTwoStepReset = ({ token }: { token: string }) => <StepButton label="Cancel turning off two-step sign-in" run={() => cancelTwoStepResetAction(token)} />;
