/** The lookups both layouts of the grid share. */
import type { ComparisonAspect, ComparisonCellView, ComparisonGridView, ComparisonRowView } from "@/lib/comparison";

export function findCell(grid: ComparisonGridView, opinionId: string, aspect: ComparisonAspect): ComparisonCellView | null {
  return grid.cells.find((c) => c.opinionId === opinionId && c.aspect === aspect) ?? null;
}

export function findRow(grid: ComparisonGridView, aspect: ComparisonAspect): ComparisonRowView | null {
  return grid.rows.find((r) => r.aspect === aspect) ?? null;
}
