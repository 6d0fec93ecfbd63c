/**
 * The one-line summary above the records board. Pure, so each case reads plainly in a test. It
 * claims nothing is missing only when the usual records are all on the list too: one record that
 * has arrived says nothing about the ones nobody has listed yet.
 */
import { type RecordKind, type RecordStatus, SUGGESTED_RECORDS } from "@/lib/vocabulary/record";

export type RecordsSummary = {
  headline: string;
  detail: string;
  /** The usual records not on the list yet (by kind), to offer adding them. */
  usualNotListed: number;
};

export function recordsSummary(records: { kind: RecordKind; status: RecordStatus }[]): RecordsSummary {
  const missing = records.filter((r) => r.status === "needed" || r.status === "requested").length;
  const kinds = new Set(records.map((r) => r.kind));
  const usualNotListed = SUGGESTED_RECORDS.filter((s) => !kinds.has(s.kind)).length;
  const usual =
    usualNotListed === 0
      ? ""
      : ` ${usualNotListed === 1 ? "One record" : `${usualNotListed} records`} a second-opinion clinician usually asks for ${usualNotListed === 1 ? "is" : "are"} not on the list yet; add ${usualNotListed === 1 ? "it" : "them"} if ${usualNotListed === 1 ? "it applies" : "they apply"}.`;

  if (missing > 0) return { headline: `${missing} still missing`, detail: `Records still needed, or requested and not yet received.${usual}`, usualNotListed };
  if (usualNotListed === 0) return { headline: "Nothing is missing.", detail: "Every record on the list has arrived, and the usual ones are all on it.", usualNotListed };
  const arrived = records.length === 1 ? "The one record on the list has arrived." : `All ${records.length} records on the list have arrived.`;
  return { headline: arrived, detail: usual.trim(), usualNotListed };
}
