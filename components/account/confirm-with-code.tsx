"use client";
/** "Confirm it's you" with a code from the authenticator app (twoStep.confirmIdentity), for the dialog. */
import { useId, useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** `autoFocus` when the dialog opens on this way (not when chosen later, so the choices stay usable with arrow keys). */
export function ConfirmWithCode({ onConfirmed, autoFocus = true }: { onConfirmed: () => void; autoFocus?: boolean }) {
  const client = useTRPCClient();
  const id = useId();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!code.trim()) return setError("Enter the code from your authenticator app.");
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

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
      <TextField
        id={`${id}-code`}
        label="Code from your authenticator app"
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        autoFocus={autoFocus}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error ?? undefined}
      />
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Checking…" : "Confirm"}
        </Button>
      </div>
    </form>
  );
}
