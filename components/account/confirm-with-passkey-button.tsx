"use client";
/**
 * "Confirm it's you" with a passkey: asks the browser for one of this person's passkeys, and on
 * success the server marks the session as freshly proved (passkey.confirm), then `onConfirmed` runs
 * (e.g. to retry what asked for the proof). Meant for the "Confirm it's you" dialog; needs the tRPC provider.
 */
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";

export function ConfirmWithPasskeyButton({
  onConfirmed,
  variant = "secondary",
  label = "Confirm with a passkey",
}: {
  onConfirmed: () => void;
  variant?: ButtonVariant;
  label?: string;
}) {
  const client = useTRPCClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setMessage(null);
    try {
      const optionsJSON = await client.passkey.confirmOptions.mutate();
      const { startAuthentication } = await import("@simplewebauthn/browser");
      const response = await startAuthentication({ optionsJSON }).catch(() => null);
      if (!response) {
        setMessage("No passkey was used. Try again when you are ready.");
        return;
      }
      await client.passkey.confirm.mutate({ response });
      onConfirmed();
    } catch (error) {
      setMessage(actionErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant={variant} disabled={busy} onClick={() => void confirm()}>
          {busy ? "Waiting for your passkey…" : label}
        </Button>
      </div>
      <InlineError message={message} />
    </div>
  );
}
