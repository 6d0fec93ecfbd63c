"use client";
/** "Confirm it's you" with the account's password (account.confirmIdentity). */
import { useId, useState } from "react";
import { applyServerErrors } from "@/components/forms/form-errors";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** `autoFocus` when the dialog opens on this way (not when chosen later, so the choices stay usable with arrow keys). */
export function ConfirmWithPassword({ onConfirmed, autoFocus = true }: { onConfirmed: () => void; autoFocus?: boolean }) {
  const client = useTRPCClient();
  const id = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!password) return setError("Enter your password.");
    setBusy(true);
    setError(null);
    try {
      await client.account.confirmIdentity.mutate({ password });
      onConfirmed();
    } catch (failure) {
      let fieldMessage: string | null = null;
      const formMessage = applyServerErrors<{ password: string }>(failure, (_field, { message }) => (fieldMessage = message ?? null), ["password"]);
      setError(fieldMessage ?? formMessage);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        id={`${id}-password`}
        label="Your password"
        type="password"
        autoComplete="current-password"
        autoFocus={autoFocus}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
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
