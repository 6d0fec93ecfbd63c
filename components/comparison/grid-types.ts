/** The comparison grid as `comparison.grid` returns it, and the lookups both layouts share. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import type { ComparisonAspect } from "@/lib/comparison";

export type GridView = inferRouterOutputs<AppRouter>["comparison"]["grid"];
export type GridOpinion = GridView["opinions"][number];
export type GridCell = GridView["cells"][number];
export type GridRow = GridView["rows"][number];

export function findCell(grid: GridView, opinionId: string, aspect: ComparisonAspect): GridCell | null {
  return grid.cells.find((c) => c.opinionId === opinionId && c.aspect === aspect) ?? null;
}

export function findRow(grid: GridView, aspect: ComparisonAspect): GridRow | null {
  return grid.rows.find((r) => r.aspect === aspect) ?? null;
}

/** "Second opinion (Dr Lee)", or just the label when no clinician is written. */
export function opinionName(opinion: GridOpinion): string {
  return opinion.clinician ? `${opinion.label} (${opinion.clinician})` : opinion.label;
}
