"use client";
/**
 * The one "Confirm it's you" dialog. It opens when a sensitive action is refused for an old proof
 * (components/trpc/proof-link.ts) and, once confirmed, the action is sent again by itself.
 * It offers exactly the ways this person has (session.confirmWays, read each time it opens): their
 * password, a code from their authenticator app, one of their passkeys, an emailed link. Each way is
 * a small form that calls `onConfirmed` after its factor succeeded on the server (which recorded
 * `markProof`).
 */
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { onDemand } from "@/components/ui/on-demand";
import { ModalDialog } from "@/components/ui/modal-dialog";

// Its forms and their code load the first time it opens: most visits never see it.
const ConfirmIdentity = onDemand(() => import("./confirm-identity").then((m) => m.ConfirmIdentity));

export function ConfirmIdentityDialog({
  open,
  onDone,
}: {
  open: boolean;
  /** true: confirmed (the action goes ahead); false: cancelled. */
  onDone: (confirmed: boolean) => void;
}) {
  const t = useTranslations("account.confirm");
  return (
    <ModalDialog open={open} titleId="confirm-identity-title" descriptionId="confirm-identity-why" onCancel={() => onDone(false)}>
      <div className="flex flex-col gap-4">
        <h2 id="confirm-identity-title" className="text-2xl font-semibold">
          {t("title")}
        </h2>
        <p id="confirm-identity-why">{t("why")}</p>
        {/* Mounted afresh each time it opens, so the ways are read again and the first one is chosen. */}
        {open && (
          <Suspense fallback={<p role="status">{t("loading")}</p>}>
            <ConfirmIdentity onDone={onDone} />
          </Suspense>
        )}
      </div>
    </ModalDialog>
  );
}
