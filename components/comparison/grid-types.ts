/** Finding one cell and one row in the grid the server sent. */
import type { ComparisonAspect } from "@/lib/vocabulary/comparison";
import type { ComparisonCellView, ComparisonGridView, ComparisonRowView } from "@/lib/comparison";

export function findCell(grid: ComparisonGridView, opinionId: string, aspect: ComparisonAspect): ComparisonCellView | null {
  return grid.cells.find((c) => c.opinionId === opinionId && c.aspect === aspect) ?? null;
}

export function findRow(grid: ComparisonGridView, aspect: ComparisonAspect): ComparisonRowView | null {
  return grid.rows.find((r) => r.aspect === aspect) ?? null;
}
