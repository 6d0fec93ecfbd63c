"use client";
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
        {live ? `${changedBy ?? "Someone"} changed this while you were editing` : "Someone else saved changes while you were editing"}
      </h2>
      <p className="mt-2">
        Your text is still in the form and has not been saved. Here is the version they saved. You can copy anything
        you need from it.
      </p>
      <dl className="mt-3 flex flex-col gap-2 rounded-lg bg-white p-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-wrap break-words">{value || "(empty)"}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={onKeepMine}>
          {live ? "Keep mine" : "Keep editing mine (saving will replace theirs)"}
        </Button>
        <Button variant="secondary" onClick={onUseTheirs}>
          {live ? "Use their version" : "Load their version (discards my changes)"}
        </Button>
      </div>
    </section>
  );
}
