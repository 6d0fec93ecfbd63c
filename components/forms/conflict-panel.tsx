"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * Shown when a save was refused because someone else saved first: their version, next to the
 * person's own text (which stays in the form, unsaved), and the two ways forward. Takes focus.
 */
export function ConflictPanel({
  rows,
  version,
  onUseTheirs,
  onKeepMine,
  changedBy,
}: {
  /** Label and value of each field as they saved it. */
  rows: [string, string][];
  /** Their version number; focus moves here again if a newer conflict arrives. */
  version: number;
  onUseTheirs: () => void;
  onKeepMine: () => void;
  /**
   * Set when a live update (not a refused save) brought their version: names who changed it, and
   * the panel is announced politely instead of taking focus from someone who is typing.
   */
  changedBy?: string | null;
}) {
  const t = useTranslations("common");
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const live = changedBy !== undefined;
  useEffect(() => {
    if (!live) ref.current?.focus();
  }, [version, live]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      aria-live={live ? "polite" : undefined}
      className="rounded-lg border-2 border-caution bg-caution-bg p-4"
    >
      <h2 id={headingId} className="text-lg font-bold text-caution">
        {live ? t("conflict.changedBy", { name: changedBy ?? t("someone") }) : t("conflict.savedFirst")}
      </h2>
      <p className="mt-2">{t("conflict.body")}</p>
      <dl className="mt-3 flex flex-col gap-2 rounded-lg bg-white p-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-wrap break-words">{value || t("conflict.empty")}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={onKeepMine}>
          {live ? t("conflict.keepMine") : t("conflict.keepEditingMine")}
        </Button>
        <Button variant="secondary" onClick={onUseTheirs}>
          {live ? t("conflict.useTheirs") : t("conflict.loadTheirs")}
        </Button>
      </div>
    </section>
  );
}
