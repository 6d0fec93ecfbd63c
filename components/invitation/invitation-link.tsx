"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** A freshly made invitation link, to copy and send; says whether it was also emailed. */
export function InvitationLink({ link, email, emailed }: { link: string; email: string; emailed: boolean }) {
  const t = useTranslations("sharing.link");
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");
  const inputId = useId();

  // Focus moves here when the link appears, so the person (and a screen reader) finds it at once.
  useEffect(() => {
    box.current?.focus();
  }, [link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus(t("copied"));
    } catch {
      // No clipboard access (an older browser, or a page not served over https): select it for the person.
      input.current?.focus();
      input.current?.select();
      setCopyStatus(t("copyFailed"));
    }
  };

  return (
    <div ref={box} tabIndex={-1} className="flex flex-col gap-3 rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
      <p className="font-semibold">{t("ready")}</p>
      <p>{t.rich(emailed ? "emailed" : "notEmailed", { email, strong: (words) => <strong className="break-all">{words}</strong> })}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="font-semibold">
          {t("label", { email })}
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id={inputId}
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="min-h-11 min-w-0 flex-1 basis-64 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-ink"
          />
          <Button variant="secondary" onClick={() => void copy()}>
            {t("copy")}
          </Button>
        </div>
        <p role="status" className="text-sm font-semibold">
          {copyStatus}
        </p>
      </div>
      <p className="text-sm">{t("terms", { email })}</p>
    </div>
  );
}
