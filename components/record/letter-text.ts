/**
 * The words of a records request letter, drafted from what the person chose, in the language of their
 * screen. Pure, so it is easy to read and test.
 */
import type { RecordKind } from "@/lib/vocabulary/record";
import type { RecordsT } from "./types";

export type LetterInput = {
  /** Today, already formatted for the reader. */
  date: string;
  /** Who is asked: a clinic, a hospital records department… */
  source: string;
  patientName: string;
  /** Who signs the letter: the patient, or someone asking for them. */
  requesterName: string;
  records: { kind: RecordKind; title: string }[];
  /** Where the records should go: the second-opinion clinic's address, fax or secure email. */
  sendTo: string;
};

/** A line per record: its kind, then its own title when that says more than the kind. */
function recordLine({ kind, title }: { kind: RecordKind; title: string }, t: RecordsT): string {
  const label = t(`kind.${kind}`);
  return title && title.toLowerCase() !== label.toLowerCase() ? t("letterText.recordLine", { kind: label, title }) : t("letterText.recordLineKindOnly", { kind: label });
}

export function draftLetter(input: LetterInput, t: RecordsT): string {
  const patient = input.patientName.trim() || t("letterText.blankPatient");
  const requester = input.requesterName.trim() || t("letterText.blankRequester");
  const source = input.source.trim();
  const sendTo = input.sendTo.trim() || t("letterText.blankSendTo");
  const onBehalf = input.requesterName.trim() && input.requesterName.trim() !== input.patientName.trim();
  const items = input.records.length > 0 ? input.records.map((record) => recordLine(record, t)) : [t("letterText.blankRecords")];

  return [
    input.date,
    "",
    source ? t("letterText.to", { source }) : t("letterText.toDefault"),
    "",
    t("letterText.subject"),
    t("letterText.patient", { patient }),
    "",
    source ? t("letterText.dear", { source }) : t("letterText.dearDefault"),
    "",
    onBehalf ? t("letterText.onBehalf", { patient }) : t("letterText.forMyself"),
    "",
    ...items,
    "",
    t("letterText.sendTo"),
    sendTo,
    "",
    t("letterText.anythingElse"),
    "",
    t("letterText.thanks"),
    "",
    t("letterText.regards"),
    requester,
  ].join("\n");
}
