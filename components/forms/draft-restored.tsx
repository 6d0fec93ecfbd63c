"use client";
import { useTranslations } from "next-intl";

/** The short note a form shows when it put back text kept on this device (use-draft.ts). */
export function DraftRestored({ show, onDismiss }: { show: boolean; onDismiss: () => void }) {
  const t = useTranslations("common");
  return (
    <div role="status" className="empty:hidden">
      {show && (
        <p className="flex flex-wrap items-center gap-3 rounded-lg border-l-4 border-brand-600 bg-brand-50 px-4 py-2">
          <span>{t("draftRestored")}</span>
          <button type="button" onClick={onDismiss} className="min-h-11 px-2 font-semibold underline">
            {t("ok")}
          </button>
        </p>
      )}
    </div>
  );
}
