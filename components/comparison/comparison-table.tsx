import { COMPARISON_ASPECTS, COMPARISON_ASPECT_LABELS, type ComparisonGridView } from "@/lib/comparison";
import { AskAboutRow } from "./ask-about-row";
import { ComparisonCell } from "./comparison-cell";
import { findCell, findRow } from "./grid-types";
import { RowMarkControl } from "./row-mark";

const ID_PREFIX = "wide";

/**
 * The grid on wide screens: a real table, aspects as row headers, opinions as column headers, and a
 * last column for where the opinions stand and what to ask. Hidden (display: none) below md, where
 * the one-aspect-at-a-time view takes over.
 */
export function ComparisonTable({ caseId, grid, canEdit }: { caseId: string; grid: ComparisonGridView; canEdit: boolean }) {
  return (
    <div
      role="region"
      aria-labelledby="comparison-caption"
      tabIndex={0}
      className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block"
    >
      <table className="w-full border-collapse text-left align-top">
        <caption id="comparison-caption" className="px-4 pt-3 text-left text-lg font-semibold">
          The opinions side by side
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="min-w-36 px-4 py-3">
              Aspect
            </th>
            {grid.opinions.map((opinion) => (
              <th key={opinion.id} scope="col" className="min-w-56 px-4 py-3">
                <span className="block break-words">{opinion.label}</span>
                {opinion.clinician && <span className="block break-words text-sm font-normal text-muted">{opinion.clinician}</span>}
              </th>
            ))}
            <th scope="col" className="min-w-56 px-4 py-3">
              Where they stand
            </th>
          </tr>
        </thead>
        <tbody>
          {COMPARISON_ASPECTS.map((aspect) => (
            <tr key={aspect} className="border-b border-slate-200 align-top last:border-b-0">
              <th scope="row" className="px-4 py-4 font-semibold">
                {COMPARISON_ASPECT_LABELS[aspect]}
              </th>
              {grid.opinions.map((opinion) => (
                <td key={opinion.id} className="px-4 py-4">
                  <ComparisonCell
                    caseId={caseId}
                    aspect={aspect}
                    opinion={opinion}
                    cell={findCell(grid, opinion.id, aspect)}
                    canEdit={canEdit}
                    idPrefix={ID_PREFIX}
                  />
                </td>
              ))}
              <td className="bg-slate-50 px-4 py-4">
                <div className="flex flex-col gap-3">
                  <RowMarkControl caseId={caseId} aspect={aspect} row={findRow(grid, aspect)} canEdit={canEdit} />
                  {canEdit && <AskAboutRow caseId={caseId} aspect={aspect} opinions={grid.opinions} idPrefix={ID_PREFIX} />}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
