"use client";
import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import { LocalDate } from "@/components/ui/local-date";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { COMPARISON_ASPECT_LABELS, type ComparisonAspect } from "@/lib/vocabulary/comparison";
import type { ComparisonCellView, ComparisonColumnView } from "@/lib/comparison";

const CellForm = dynamic(() => import("./comparison-cell-form").then((m) => m.CellForm));

type Props = {
  caseId: string;
  aspect: ComparisonAspect;
  opinion: ComparisonColumnView;
  cell: ComparisonCellView | null;
  canEdit: boolean;
};

/** One entry of the grid: what this opinion said on this aspect, who last changed it, and (for writers) an inline edit. */
export function ComparisonCell({ caseId, aspect, opinion, cell, canEdit }: Props) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const where = `${COMPARISON_ASPECT_LABELS[aspect]}, ${opinion.label}`;
  const verb = cell?.text ? "Edit" : "Write";
  useReturnFocus(editing, editButton);
  const close = () => setEditing(false);

  return (
    <div className="flex flex-col gap-2">
      {cell?.text ? (
        <p className="whitespace-pre-wrap break-words">{cell.text}</p>
      ) : (
        <p className="text-muted">Nothing written yet.</p>
      )}
      {cell && (
        <p className="text-sm text-muted">
          Last changed by {cell.updatedByName ?? "a former member"}, <LocalDate date={cell.updatedAt} />
        </p>
      )}
      {canEdit &&
        (editing ? (
          <CellForm caseId={caseId} aspect={aspect} opinion={opinion} cell={cell} where={where} fieldId={`cell-${aspect}-${opinion.id}`} onDone={close} />
        ) : (
          <div>
            <Button ref={editButton} variant="secondary" aria-label={`${verb}: ${where}`} onClick={() => setEditing(true)}>
              {verb}
            </Button>
          </div>
        ))}
    </div>
  );
}
