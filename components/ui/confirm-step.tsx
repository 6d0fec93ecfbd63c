"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * An in-place "are you sure?" (instead of window.confirm): the question takes focus when it
 * appears, so a screen reader reads it; Cancel hands control back.
 */
export function ConfirmStep({
  question,
  confirmLabel,
  busyLabel,
  busy,
  onConfirm,
  onCancel,
  danger = false,
}: {
  question: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="flex flex-col gap-3 rounded-lg border-2 border-caution bg-caution-bg p-4">
      <div>{question}</div>
      <div className="flex flex-wrap gap-3">
        <Button variant={danger ? "danger" : "primary"} disabled={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
