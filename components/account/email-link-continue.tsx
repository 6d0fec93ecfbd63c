"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useMessageText } from "@/components/i18n/use-message-text";
import { Notice } from "@/components/ui/notice";
import { messageRef } from "@/lib/i18n/message-ref";
import { signInWithEmailLinkAction } from "@/server/auth/factor-actions";

/** The one click that uses an emailed sign-in link (opening the link alone does not, as mail scanners open links too). */
export function EmailLinkContinue({ token, callbackUrl }: { token: string; callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const words = useMessageText();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await signInWithEmailLinkAction(token, callbackUrl);
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      router.push(result.redirectTo);
      router.refresh();
    } catch {
      setMessage(messageRef("signIn.shared.connectionLost"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {message && <Notice tone="caution">{words(message)}</Notice>}
      <Button onClick={onClick} disabled={busy}>
        {busy ? t("shared.signingIn") : t("linkPage.continue")}
      </Button>
    </div>
  );
}
