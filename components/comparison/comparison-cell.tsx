"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { onDemand } from "@/components/ui/on-demand";
import { LocalDate } from "@/components/ui/local-date";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { ComparisonAspect } from "@/lib/vocabulary/comparison";
import type { ComparisonCellView, ComparisonColumnView } from "@/lib/comparison";

const CellForm = onDemand(() => import("./comparison-cell-form").then((m) => m.CellForm));

type Props = {
  caseId: string;
  aspect: ComparisonAspect;
  opinion: ComparisonColumnView;
  cell: ComparisonCellView | null;
  canEdit: boolean;
};

/** One entry of the grid: what this opinion said on this aspect, who last changed it, and (for writers) an inline edit. */
export function ComparisonCell({ caseId, aspect, opinion, cell, canEdit }: Props) {
  const t = useTranslations("comparison.cell");
  const aspectName = useTranslations("comparison.aspect");
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const where = t("where", { aspect: aspectName(aspect), opinion: opinion.label });
  const written = Boolean(cell?.text);
  useReturnFocus(editing, editButton);
  const close = () => setEditing(false);

  return (
    <div className="flex flex-col gap-2">
      {cell?.text ? (
        <p className="whitespace-pre-wrap break-words">{cell.text}</p>
      ) : (
        <p className="text-muted">{t("nothing")}</p>
      )}
      {cell && (
        <p className="text-sm text-muted">
          {cell.updatedByName
            ? t.rich("lastChanged", { name: cell.updatedByName, date: () => <LocalDate date={cell.updatedAt} /> })
            : t.rich("lastChangedFormer", { date: () => <LocalDate date={cell.updatedAt} /> })}
        </p>
      )}
      {canEdit &&
        (editing ? (
          <CellForm caseId={caseId} aspect={aspect} opinion={opinion} cell={cell} where={where} fieldId={`cell-${aspect}-${opinion.id}`} onDone={close} />
        ) : (
          <div>
            <Button ref={editButton} variant="secondary" aria-label={written ? t("editLabel", { where }) : t("writeLabel", { where })}
              onClick={() => setEditing(true)}
            >
              {written ? t("edit") : t("write")}
            </Button>
          </div>
        ))}
    </div>
  );
}
