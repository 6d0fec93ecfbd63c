"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A button that reveals a form in place (aria-expanded), and hands focus back to the button when the
 * form closes. The form is only mounted while open, so it starts fresh each time.
 */
export function RevealPanel({
  openLabel,
  closeLabel,
  defaultOpen = false,
  framed = true,
  children,
}: {
  openLabel: ReactNode;
  closeLabel?: ReactNode;
  defaultOpen?: boolean;
  /** A white box around the revealed content. */
  framed?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId();
  const toggleId = useId();
  const close = () => {
    setOpen(false);
    // By id rather than a ref: `close` is handed to the render function.
    document.getElementById(toggleId)?.focus();
  };
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button id={toggleId} variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
          {open ? (closeLabel ?? t("close")) : openLabel}
        </Button>
      </div>
      <div id={panelId} hidden={!open} className={framed ? "rounded-xl border border-slate-200 bg-white p-4 sm:p-5" : ""}>
        {open && children(close)}
      </div>
    </div>
  );
}
