"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/format-date";
import { messageRef, parseMessageRef } from "@/lib/i18n/message-ref";
import type { MessageKey } from "@/lib/i18n/messages";
import type { LinkRequestState } from "@/server/auth/factor-actions";
import { cancelTwoStepResetAction, requestTwoStepResetAction, startTwoStepResetAction } from "@/server/auth/factor-actions";

/**
 * A step's answer in words. The end of the wait comes as a moment (milliseconds), shown here in this
 * browser's language and time zone rather than the server's.
 */
function useStepText(): (message: string) => string {
  const words = useMessageText();
  const locale = useLocale();
  return (message) => {
    const ref = parseMessageRef(message);
    const endsAt = ref?.values.endsAt;
    if (!ref || typeof endsAt !== "number") return words(message);
    return words(messageRef(ref.key as MessageKey, { ...ref.values, endsAt: formatDateTime(new Date(endsAt), locale) }));
  };
}

/** One button that runs one recovery step and then says what happened, in place of the button. */
function StepButton({ label, run }: { label: string; run: () => Promise<LinkRequestState> }) {
  const text = useStepText();
  const [result, setResult] = useState<LinkRequestState | null>(null);
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    try {
      setResult(await run());
    } catch {
      setResult({ ok: false, message: messageRef("signIn.shared.connectionLost") });
    } finally {
      setBusy(false);
    }
  }
  if (result) return <Notice tone={result.ok ? "success" : "caution"}>{text(result.message)}</Notice>;
  return (
    <div>
      <Button onClick={onClick} disabled={busy}>
        {label}
      </Button>
    </div>
  );
}

export function RequestTwoStepReset() {
  const t = useTranslations("signIn");
  return <StepButton label={t("recover.request")} run={requestTwoStepResetAction} />;
}

export function StartTwoStepReset({ token }: { token: string }) {
  const t = useTranslations("signIn");
  return <StepButton label={t("recover.start")} run={() => startTwoStepResetAction(token)} />;
}

export function CancelTwoStepReset({ token }: { token: string }) {
  const t = useTranslations("signIn");
  return <StepButton label={t("recover.cancel")} run={() => cancelTwoStepResetAction(token)} />;
}
