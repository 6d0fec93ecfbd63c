"use client";
/**
 * "Confirm it's you" with an emailed link (emailLink.requestConfirmation): the link, opened in this
 * browser, records the proof (app/account/confirm); the person then comes back and carries on, which
 * sends the refused action again (refused once more if the link was not opened).
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { Notice } from "@/components/ui/notice";

export function ConfirmWithEmailLink({ onConfirmed }: { onConfirmed: () => void }) {
  const t = useTranslations("account.confirm");
  const client = useTRPCClient();
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction();

  const emailLink = () =>
    run(async () => {
      await client.emailLink.requestConfirmation.mutate();
      setSent(true);
    });

  return (
    <div className="flex flex-col gap-3">
      {sent ? (
        <>
          <Notice tone="success">
            <p>{t("emailSent", { button: t("emailOpened") })}</p>
          </Notice>
          <div>
            <Button onClick={onConfirmed}>{t("emailOpened")}</Button>
          </div>
        </>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => void emailLink()} disabled={busy}>
            {busy ? t("emailSending") : t("emailSubmit")}
          </Button>
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
}
