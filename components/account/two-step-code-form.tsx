"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { messageRef } from "@/lib/i18n/message-ref";
import { signInWithSecondStepAction } from "@/server/auth/factor-actions";

/** The second step of signing in: the 6-digit code from the authenticator app, or a recovery code. */
export function TwoStepCodeForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError(messageRef("signIn.twoStep.codeMissing"));
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
      setError(messageRef("signIn.shared.connectionLost"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <TextField
        ref={input}
        id="two-step-code"
        label={t("twoStep.codeLabel")}
        hint={t("twoStep.codeHint")}
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
        {busy ? t("twoStep.checking") : t("twoStep.submit")}
      </Button>
    </form>
  );
}
