"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { COMPARISON_ASPECTS, COMPARISON_ASPECT_LABELS, type ComparisonGridView } from "@/lib/comparison";
import { AskAboutRow } from "./ask-about-row";
import { ComparisonCell } from "./comparison-cell";
import { findCell, findRow } from "./grid-types";
import { RowMarkControl } from "./row-mark";

const ID_PREFIX = "narrow";
const END_STYLE = "aria-disabled:cursor-not-allowed aria-disabled:text-slate-400 aria-disabled:hover:bg-white";
const ASPECT_OPTIONS = COMPARISON_ASPECTS.map((aspect, index) => ({
  value: String(index),
  label: `${index + 1}. ${COMPARISON_ASPECT_LABELS[aspect]}`,
}));

/**
 * The grid on phones: one aspect at a time, the opinions stacked under it, with Previous / Next and a
 * list to jump to any aspect. Hidden (display: none) from md up, where the table takes over.
 */
export function AspectStepper({ caseId, grid, canEdit }: { caseId: string; grid: ComparisonGridView; canEdit: boolean }) {
  const [index, setIndex] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const last = COMPARISON_ASPECTS.length - 1;
  const aspect = COMPARISON_ASPECTS[index] ?? COMPARISON_ASPECTS[0];
  const label = COMPARISON_ASPECT_LABELS[aspect];

  const go = (next: number) => {
    const clamped = Math.min(Math.max(next, 0), last);
    setIndex(clamped);
    const nextAspect = COMPARISON_ASPECTS[clamped] ?? COMPARISON_ASPECTS[0];
    setAnnouncement(`Showing aspect ${clamped + 1} of ${last + 1}: ${COMPARISON_ASPECT_LABELS[nextAspect]}`);
  };

  return (
    <section aria-labelledby="stepper-aspect" className="flex flex-col gap-4 md:hidden">
      <SelectField
        id="stepper-jump"
        label="Go to an aspect"
        options={ASPECT_OPTIONS}
        value={String(index)}
        onChange={(e) => go(Number(e.target.value))}
      />
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-muted">
            Aspect {index + 1} of {last + 1}
          </p>
          <h3 id="stepper-aspect" className="break-words text-xl font-bold">
            {label}
          </h3>
        </div>
        <div className="grid grid-cols-2 gap-2">
          {/* aria-disabled rather than disabled: the button keeps focus at the first and last aspect. */}
          <Button variant="secondary" aria-disabled={index === 0} className={END_STYLE} onClick={() => index > 0 && go(index - 1)}>
            <span aria-hidden="true">←</span> Previous aspect
          </Button>
          <Button variant="secondary" aria-disabled={index === last} className={END_STYLE} onClick={() => index < last && go(index + 1)}>
            Next aspect <span aria-hidden="true">→</span>
          </Button>
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <ul aria-label={`What each opinion says: ${label}`} className="flex flex-col gap-3">
        {grid.opinions.map((opinion) => (
          <li key={opinion.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
            <h4 className="break-words text-lg font-semibold">
              {opinion.label}
              {opinion.clinician && <span className="block text-base font-normal text-muted">{opinion.clinician}</span>}
            </h4>
            <ComparisonCell
              // A new aspect starts with its own cells closed.
              key={`${aspect}-${opinion.id}`}
              caseId={caseId}
              aspect={aspect}
              opinion={opinion}
              cell={findCell(grid, opinion.id, aspect)}
              canEdit={canEdit}
              idPrefix={ID_PREFIX}
            />
          </li>
        ))}
      </ul>

      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4">
        <h4 className="text-lg font-semibold">Where they stand</h4>
        <RowMarkControl key={aspect} caseId={caseId} aspect={aspect} row={findRow(grid, aspect)} canEdit={canEdit} />
        {canEdit && <AskAboutRow key={`ask-${aspect}`} caseId={caseId} aspect={aspect} opinions={grid.opinions} idPrefix={ID_PREFIX} />}
      </div>
    </section>
  );
}
