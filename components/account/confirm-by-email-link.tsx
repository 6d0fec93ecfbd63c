"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { confirmWithEmailLinkAction } from "@/server/auth/factor-actions";

/**
 * The one click that uses an emailed "confirm it's you" link. Opening the link alone does not (mail
 * scanners open links too), and the answer to the click brings this browser its renewed session cookie.
 */
export function ConfirmByEmailLink({ token }: { token: string }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("account");
  const words = useMessageText();

  async function onClick() {
    setBusy(true);
    try {
      setResult(await confirmWithEmailLinkAction(token));
    } catch {
      setResult({ ok: false, message: t("confirmPage.unreachable") });
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <Notice tone={result.ok ? "success" : "caution"}>
        <p>{words(result.message)}</p>
        <p className="mt-2">
          <Link href="/account">{t("confirmPage.back")}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p>{t("confirmPage.intro")}</p>
      <div>
        <Button onClick={onClick} disabled={busy}>
          {busy ? t("confirmPage.busy") : t("confirmPage.button")}
        </Button>
      </div>
    </div>
  );
}
