"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInWithSecondStepAction } from "@/server/auth/factor-actions";

/** The second step of signing in: the 6-digit code from the authenticator app, or a recovery code. */
export function TwoStepCodeForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError("Enter the 6-digit code from your authenticator app, or a recovery code.");
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await signInWithSecondStepAction(code, callbackUrl);
      if (!result.ok) {
        setError(result.message);
        setCode("");
        input.current?.focus();
        return;
      }
      router.push(result.redirectTo);
      router.refresh();
    } catch {
      setError("We could not reach SecondLook. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <TextField
        ref={input}
        id="two-step-code"
        label="Code from your authenticator app"
        hint="Six digits. Lost your phone? Type one of your recovery codes instead."
        autoComplete="one-time-code"
        inputMode="text"
        spellCheck={false}
        autoCapitalize="off"
        autoFocus
        maxLength={40}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error ?? undefined}
      />
      <Button type="submit" disabled={busy}>
        {busy ? "Checking…" : "Continue"}
      </Button>
    </form>
  );
}
