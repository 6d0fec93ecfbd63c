"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { type ComparisonAspect, ROW_MARKS, type RowMark } from "@/lib/vocabulary/comparison";
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
  const t = useTranslations("comparison.rowMark");
  const aspectName = useTranslations("comparison.aspect");
  const markName = useTranslations("comparison.mark");
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
  const aspectLabel = aspectName(aspect);
  const group = useRef<HTMLDivElement>(null);

  const choose = async (mark: RowMark | null) => {
    setChosen(mark);
    if ((await markRow.run({ caseId, aspect, mark })).ok) {
      setStatus(mark ? t("marked", { mark: markName(mark) }) : t("cleared"));
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
        {row.updatedByName
          ? t.rich("markedBy", { name: row.updatedByName, date: () => <LocalDate date={row.updatedAt} /> })
          : t.rich("markedByFormer", { date: () => <LocalDate date={row.updatedAt} /> })}
      </p>
    ) : null;

  if (!canEdit) {
    return (
      <div className="flex flex-col gap-1">
        <p>
          <span className="font-semibold">{t("stand")}</span>
          {saved ? markName(saved) : <span className="text-muted">{t("notMarked")}</span>}
        </p>
        {markedBy}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div ref={group} role="group" aria-label={t("groupLabel", { aspect: aspectLabel })} className="flex flex-wrap gap-2">
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
            {markName(mark)}
          </button>
        ))}
      </div>
      {current && (
        <div>
          <Button variant="quiet" className="min-h-11" aria-label={t("clearLabel", { aspect: aspectLabel })} onClick={clear}>
            {t("clear")}
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
