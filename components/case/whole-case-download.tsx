"use client";
/**
 * The whole-case export link. The download needs a recent "confirm it's you", and a download cannot
 * open a dialog, so the click first asks the server whether this session's proof is fresh
 * (session.checkRecentProof — refused with proofRequired, which opens the dialog through the tRPC
 * link); then the file downloads. Without JavaScript the link still works, and an old proof gets the
 * route's plain 403 answer.
 */
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { isProofRequired } from "@/components/trpc/proof-link";
import { useTRPCClient } from "@/components/trpc/trpc-provider";

export function WholeCaseDownload({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  const t = useTranslations("cases.download");
  const words = useMessageText();
  const client = useTRPCClient();
  const [message, setMessage] = useState<string | null>(null);

  async function onClick(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    setMessage(null);
    try {
      await client.session.checkRecentProof.mutate();
    } catch (error) {
      setMessage(isProofRequired(error) ? t("needsProof") : words(actionErrorMessage(error)));
      return;
    }
    const link = document.createElement("a");
    link.href = href;
    link.download = "";
    link.click();
  }

  return (
    <span className="flex flex-col gap-2">
      <a href={href} download onClick={onClick} className={className}>
        {children}
      </a>
      <span role="status" className="text-caution empty:hidden">
        {message}
      </span>
    </span>
  );
}
