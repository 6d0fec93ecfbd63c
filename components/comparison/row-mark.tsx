"use client";
import { useRef, useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { COMPARISON_ASPECT_LABELS, type ComparisonAspect, ROW_MARKS, ROW_MARK_LABELS, type RowMark } from "@/lib/vocabulary/comparison";
import type { ComparisonRowView } from "@/lib/comparison";

const MARK_STYLE: Record<RowMark, string> = {
  agree: "aria-pressed:border-brand-600 aria-pressed:bg-brand-100 aria-pressed:text-brand-800",
  differ: "aria-pressed:border-caution aria-pressed:bg-caution-bg aria-pressed:text-caution",
  unsure: "aria-pressed:border-slate-600 aria-pressed:bg-slate-200",
};

/**
 * Where the opinions stand on one aspect: three toggle buttons and a way to clear the mark, for
 * writers; the mark as text for viewers. Marks are flags: no version, the last choice counts.
 */
export function RowMarkControl({ caseId, aspect, row, canEdit }: { caseId: string; aspect: ComparisonAspect; row: ComparisonRowView | null; canEdit: boolean }) {
  const client = useTRPCClient();
  const saved = row?.mark ?? null;
  // What the person just chose, shown until the refreshed grid arrives (then the saved mark counts again).
  const [chosen, setChosen] = useState<RowMark | null | undefined>(undefined);
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setChosen(undefined);
  }
  const [status, setStatus] = useState("");
  const markRow = useCaseMutation(client.comparison.markRow.mutate);
  const current = chosen === undefined ? saved : chosen;
  const aspectLabel = COMPARISON_ASPECT_LABELS[aspect];
  const group = useRef<HTMLDivElement>(null);

  const choose = async (mark: RowMark | null) => {
    setChosen(mark);
    if ((await markRow.run({ caseId, aspect, mark })).ok) {
      setStatus(mark ? `Marked “${ROW_MARK_LABELS[mark]}”.` : "Mark cleared.");
    } else {
      setChosen(undefined);
      setStatus("");
    }
  };

  const clear = () => {
    if (markRow.busy) return;
    void choose(null);
    // This button goes away with the mark; keep the keyboard focus in the row.
    group.current?.querySelector("button")?.focus();
  };

  const markedBy =
    row && row.mark ? (
      <p className="text-sm text-muted">
        Marked by {row.updatedByName ?? "a former member"}, <LocalDate date={row.updatedAt} />
      </p>
    ) : null;

  if (!canEdit) {
    return (
      <div className="flex flex-col gap-1">
        <p>
          <span className="font-semibold">Where they stand: </span>
          {saved ? ROW_MARK_LABELS[saved] : <span className="text-muted">Not marked yet</span>}
        </p>
        {markedBy}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div ref={group} role="group" aria-label={`Where they stand: ${aspectLabel}`} className="flex flex-wrap gap-2">
        {ROW_MARKS.map((mark) => (
          <button
            key={mark}
            type="button"
            aria-pressed={current === mark}
            // Not `disabled` while saving: a disabled button would drop the keyboard focus.
            aria-disabled={markRow.busy}
            onClick={() => {
              if (!markRow.busy) void choose(current === mark ? null : mark);
            }}
            className={`min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-left font-semibold hover:bg-slate-100 aria-disabled:cursor-wait ${MARK_STYLE[mark]}`}
          >
            <span aria-hidden="true" className="mr-1 inline-block w-4">
              {current === mark ? "✓" : ""}
            </span>
            {ROW_MARK_LABELS[mark]}
          </button>
        ))}
      </div>
      {current && (
        <div>
          <Button variant="quiet" className="min-h-11" aria-label={`Clear the mark: ${aspectLabel}`} onClick={clear}>
            Clear the mark
          </Button>
        </div>
      )}
      {markedBy}
      <p role="status" className="sr-only">
        {status}
      </p>
      <InlineError message={markRow.message} />
    </div>
  );
}
