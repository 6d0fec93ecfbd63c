"use client";
import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies a piece of text. Announces "Copied" in a live region; where the clipboard is not available
 * (an older browser, a page not served over https) it selects the text on the page instead and says
 * how to copy it by hand.
 */
export function CopyButton({ text, targetId, name }: { text: string; targetId: string; name: string }) {
  const t = useTranslations("common");
  const [status, setStatus] = useState("");

  const selectTarget = () => {
    const target = document.getElementById(targetId);
    const selection = window.getSelection();
    if (!target || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(target);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const onClick = async () => {
    setStatus("");
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setStatus(t("copied"));
    } catch {
      selectTarget();
      setStatus(t("copyUnavailable"));
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={() => void onClick()} aria-label={t("copyNamed", { name })}>
        <Copy aria-hidden className="size-5" />
        {t("copy")}
      </Button>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {status}
      </p>
    </div>
  );
}
