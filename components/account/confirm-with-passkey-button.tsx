"use client";
/**
 * "Confirm it's you" with a passkey: asks the browser for one of this person's passkeys, and on
 * success the server marks the session as freshly proved (passkey.confirm), then `onConfirmed` runs
 * (e.g. to retry what asked for the proof). Meant for the "Confirm it's you" dialog; needs the tRPC provider.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";

export function ConfirmWithPasskeyButton({
  onConfirmed,
  variant = "secondary",
  label,
}: {
  onConfirmed: () => void;
  variant?: ButtonVariant;
  /** The button's words; "Confirm with a passkey" when left out. */
  label?: string;
}) {
  const t = useTranslations("account.confirm");
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
        setMessage(t("passkeyNotUsed"));
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
          {busy ? t("passkeyWaiting") : (label ?? t("passkeySubmit"))}
        </Button>
      </div>
      <InlineError message={message} />
    </div>
  );
}
