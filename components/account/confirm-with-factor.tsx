"use client";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";

/** Whether a refused call asks for a fresh "confirm it's you" (server/auth/recent-proof.ts). */
export function needsProof(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { proofRequired?: boolean } | undefined)?.proofRequired === true;
}

/**
 * "Confirm it's you" with the sign-in factors: a code from the authenticator app (when two-step is on)
 * or an emailed link. The account's general "Confirm it's you" dialog (password) can offer these too.
 */
export function ConfirmWithFactor({ hasTwoStep, onConfirmed }: { hasTwoStep: boolean; onConfirmed: () => void }) {
  const client = useTRPCClient();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [linkSent, setLinkSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirmWithCode(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.twoStep.confirmIdentity.mutate({ code });
      onConfirmed();
    } catch (e) {
      setError(actionErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function emailLink() {
    setBusy(true);
    setError(null);
    try {
      await client.emailLink.requestConfirmation.mutate();
      setLinkSent(true);
    } catch (e) {
      setError(actionErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4 rounded-lg border-2 border-brand-600 p-4">
      <h3 className="text-lg font-semibold">For your safety, confirm it&apos;s you</h3>
      {hasTwoStep && (
        <form onSubmit={confirmWithCode} noValidate className="flex flex-col gap-3">
          <TextField
            id="confirm-code"
            label="Code from your authenticator app"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error ?? undefined}
          />
          <div>
            <Button type="submit" disabled={busy}>
              Confirm
            </Button>
          </div>
        </form>
      )}
      {linkSent ? (
        <Notice tone="success">
          We have emailed you a link. Open it in this browser, then come back here and try again.
        </Notice>
      ) : (
        <div>
          <Button variant="secondary" onClick={emailLink} disabled={busy}>
            Email me a link to confirm
          </Button>
        </div>
      )}
      {!hasTwoStep && error && <p role="alert">{error}</p>}
    </div>
  );
}
