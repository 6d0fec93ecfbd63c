/**
 * The one-line summary above the records board. Pure, so each case reads plainly in a test. It
 * claims nothing is missing only when the usual records are all on the list too: one record that
 * has arrived says nothing about the ones nobody has listed yet.
 */
import { type RecordKind, type RecordStatus, SUGGESTED_RECORDS } from "@/lib/vocabulary/record";
import type { RecordsT } from "./types";

export type RecordsSummary = {
  headline: string;
  detail: string;
  /** The usual records not on the list yet (by kind), to offer adding them. */
  usualNotListed: number;
};

export function recordsSummary(records: { kind: RecordKind; status: RecordStatus }[], t: RecordsT): RecordsSummary {
  const missing = records.filter((r) => r.status === "needed" || r.status === "requested").length;
  const kinds = new Set(records.map((r) => r.kind));
  const usualNotListed = SUGGESTED_RECORDS.filter((s) => !kinds.has(s.kind)).length;
  const usual = usualNotListed === 0 ? "" : t("summary.usualNotListed", { count: usualNotListed });

  if (missing > 0) {
    return { headline: t("summary.missing", { count: missing }), detail: [t("summary.missingDetail"), usual].filter(Boolean).join(" "), usualNotListed };
  }
  if (usualNotListed === 0) return { headline: t("summary.nothingMissing"), detail: t("summary.nothingMissingDetail"), usualNotListed };
  return { headline: t("summary.allArrived", { count: records.length }), detail: usual, usualNotListed };
}
