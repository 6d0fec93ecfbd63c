"use client";
import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import { COMPARISON_ASPECTS } from "@/lib/vocabulary/comparison";
import type { ComparisonGridView } from "@/lib/comparison";
import { AskAboutRow } from "./ask-about-row";
import { AspectRow, AspectSteps } from "./aspect-steps";
import { ComparisonCell } from "./comparison-cell";
import { findCell, findRow } from "./grid-types";
import { RowMarkControl } from "./row-mark";

// From md up: one column for the aspect, one per opinion, one for where they stand; every row shares them
// (subgrid). With many opinions the grid outgrows the region (min-w-fit), which then scrolls sideways.
const COLUMNS = "md:grid-cols-[minmax(9rem,12rem)_repeat(var(--opinions),minmax(12rem,1fr))_minmax(13rem,1fr)]";
const ROW = "flex flex-col gap-3 md:col-span-full md:grid md:grid-cols-subgrid md:gap-0";
// Below md each cell is a card of its own.
const CELL = "flex flex-col rounded-xl border border-slate-200 p-4 md:rounded-none md:border-0 md:px-4 md:py-4";

/**
 * The comparison, rendered once for every width: an ARIA table laid out as a CSS grid. From md up it
 * reads as a table (aspects as row headers, opinions as column headers, and a last column for where
 * the opinions stand). Below md `AspectSteps` shows one aspect's row at a time, its cells stacked as
 * cards, each with the opinion's name; the header row is then visually hidden but still names the cells.
 *
 * A client component, though it holds no state of its own: the server then sends the grid's data once
 * rather than the rendered tree of every cell, which is smaller and cheaper to serialise.
 */
export function ComparisonGrid({ caseId, grid, canEdit }: { caseId: string; grid: ComparisonGridView; canEdit: boolean }) {
  const t = useTranslations("comparison.grid");
  const aspectName = useTranslations("comparison.aspect");
  return (
    <AspectSteps>
      <div
        role="region"
        aria-labelledby="comparison-caption"
        tabIndex={0}
        className="md:overflow-x-auto md:rounded-xl md:border md:border-slate-200 md:bg-white"
      >
        <p id="comparison-caption" className="sr-only md:not-sr-only md:px-4 md:pt-3 md:text-lg md:font-semibold">
          {t("caption")}
        </p>
        <div
          role="table"
          aria-labelledby="comparison-caption"
          style={{ "--opinions": grid.opinions.length } as CSSProperties}
          className={`relative flex flex-col gap-3 text-left md:grid md:min-w-fit md:gap-0 ${COLUMNS}`}
        >
          <div role="row" className={`sr-only md:not-sr-only md:border-b-2 md:border-slate-300 md:font-semibold ${ROW}`}>
            <div role="columnheader" className="md:px-4 md:py-3">
              {t("aspect")}
            </div>
            {grid.opinions.map((opinion) => (
              <div key={opinion.id} role="columnheader" className="md:px-4 md:py-3">
                <span className="block break-words">{opinion.label}</span>
                {opinion.clinician && <span className="block break-words text-sm font-normal text-muted">{opinion.clinician}</span>}
              </div>
            ))}
            <div role="columnheader" className="md:px-4 md:py-3">
              {t("stand")}
            </div>
          </div>
          {COMPARISON_ASPECTS.map((aspect, index) => (
            <AspectRow key={aspect} index={index} className={`md:border-b md:border-slate-200 md:last:border-b-0 ${ROW}`}>
              {/* Below md the name is the stepper's heading above the grid. */}
              <div role="rowheader" className="sr-only md:not-sr-only md:px-4 md:py-4 md:font-semibold">
                {aspectName(aspect)}
              </div>
              {grid.opinions.map((opinion) => (
                <div key={opinion.id} role="cell" className={`${CELL} gap-2 bg-white md:bg-transparent`}>
                  {/* The column header says it to screen readers; this is the stacked card's visible title. */}
                  <p aria-hidden="true" className="break-words text-lg font-semibold md:hidden">
                    {opinion.label}
                    {opinion.clinician && <span className="block text-base font-normal text-muted">{opinion.clinician}</span>}
                  </p>
                  <ComparisonCell caseId={caseId} aspect={aspect} opinion={opinion} cell={findCell(grid, opinion.id, aspect)} canEdit={canEdit} />
                </div>
              ))}
              <div role="cell" className={`${CELL} gap-3 bg-slate-50`}>
                <p aria-hidden="true" className="text-lg font-semibold md:hidden">
                  {t("stand")}
                </p>
                <RowMarkControl caseId={caseId} aspect={aspect} row={findRow(grid, aspect)} canEdit={canEdit} />
                {canEdit && <AskAboutRow caseId={caseId} aspect={aspect} opinions={grid.opinions} />}
              </div>
            </AspectRow>
          ))}
        </div>
      </div>
    </AspectSteps>
  );
}
