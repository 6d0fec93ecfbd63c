"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { messageRef } from "@/lib/i18n/message-ref";
import { requestSignInLinkAction } from "@/server/auth/factor-actions";

/** "Email me a sign-in link": the alternative to typing a password, on the sign-in page. */
export function EmailLinkSignIn({ callbackUrl, defaultEmail = "" }: { callbackUrl?: string; defaultEmail?: string }) {
  const t = useTranslations("signIn");
  const words = useMessageText();
  const [email, setEmail] = useState(defaultEmail);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await requestSignInLinkAction(email, callbackUrl);
      if (result.ok) setSent(result.message);
      else {
        setError(result.message);
        input.current?.focus();
      }
    } catch {
      setError(messageRef("signIn.shared.connectionLost"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="email-link-title" className="mt-6 flex flex-col gap-4 border-t border-slate-200 pt-5">
      <h2 id="email-link-title" className="text-xl font-semibold">
        {t("emailLink.title")}
      </h2>
      {sent ? (
        <Notice tone="success">
          <p>{words(sent)}</p>
          <p className="mt-2">{t("shared.spamFolder")}</p>
        </Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <TextField
            ref={input}
            id="link-email"
            label={t("emailLink.label")}
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error ?? undefined}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? t("shared.sending") : t("emailLink.submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
