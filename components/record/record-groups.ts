import { RECORD_STATUSES, type RecordStatus } from "@/lib/vocabulary/record";
import type { RecordView } from "@/lib/record";

/**
 * A long group shows its first records and the rest on request: a phone gets (and the server renders)
 * less. Eight: the usual list (SUGGESTED_RECORDS) still shows whole.
 */
export const FIRST_IN_GROUP = 8;

/** One status's records as the page shows them: all of them, or the first few of `total`. */
export type RecordGroup = { status: RecordStatus; records: RecordView[]; total: number };

/** The groups shown whole, from the page's `?show=` (statuses, comma-separated; anything else ignored). */
export function shownWhole(show: string | string[] | undefined): RecordStatus[] {
  const asked = new Set([show ?? []].flat().flatMap((value) => value.split(",")));
  return RECORD_STATUSES.filter((status) => asked.has(status));
}

/** The records by status, in the list's order; a group not shown whole keeps its first FIRST_IN_GROUP. */
export function recordGroups(records: RecordView[], whole: readonly RecordStatus[]): RecordGroup[] {
  return RECORD_STATUSES.map((status) => {
    const all = records.filter((record) => record.status === status);
    return { status, records: whole.includes(status) ? all : all.slice(0, FIRST_IN_GROUP), total: all.length };
  });
}

/** The page's `?show=` with one more group shown whole. */
export function showingWhole(whole: readonly RecordStatus[], status: RecordStatus): string {
  return RECORD_STATUSES.filter((s) => s === status || whole.includes(s)).join(",");
}
