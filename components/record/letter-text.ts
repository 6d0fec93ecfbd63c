/** The words of a records request letter, drafted from what the person chose. Pure, so it is easy to read and test. */
import { RECORD_KIND_LABELS, type RecordKind } from "@/lib/vocabulary/record";

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

const blank = (what: string) => `[${what}]`;

/** A line per record: its kind, then its own title when that says more than the kind. */
function recordLine({ kind, title }: { kind: RecordKind; title: string }): string {
  const label = RECORD_KIND_LABELS[kind];
  return title && title.toLowerCase() !== label.toLowerCase() ? `- ${label}: ${title}` : `- ${label}`;
}

export function draftLetter(input: LetterInput): string {
  const patient = input.patientName.trim() || blank("patient's name");
  const requester = input.requesterName.trim() || blank("your name");
  const source = input.source.trim();
  const sendTo = input.sendTo.trim() || blank("where to send the records");
  const onBehalf = input.requesterName.trim() && input.requesterName.trim() !== input.patientName.trim();
  const items = input.records.length > 0 ? input.records.map(recordLine) : [blank("the records you need")];

  return [
    input.date,
    "",
    `To: ${source || "The medical records department"}`,
    "",
    "Request for copies of medical records",
    `Patient: ${patient}`,
    "",
    source ? `Dear ${source},` : "Dear records team,",
    "",
    onBehalf
      ? `I am writing on behalf of ${patient} to ask for copies of the medical records listed below. ${patient} is seeking a second medical opinion, and the new clinician would like to see them.`
      : `I am seeking a second medical opinion, and I would like copies of my medical records listed below so that the new clinician can see them.`,
    "",
    ...items,
    "",
    "Please send them to:",
    sendTo,
    "",
    "If you need a signed release form, proof of identity or anything else from me, please let me know and I will send it as soon as I can. If any of these records are held elsewhere, I would be grateful if you could tell me where to ask.",
    "",
    "Thank you for your help.",
    "",
    "Kind regards,",
    requester,
  ].join("\n");
}
