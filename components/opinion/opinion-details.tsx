import type { ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { OPINION_KIND_LABELS, OPINION_STATUS_LABELS, TRI_STATE_LABELS } from "@/lib/vocabulary/opinion";
import type { OpinionView } from "@/lib/opinion";

function Value({ text, empty = "Not written yet." }: { text: string; empty?: string }) {
  return text ? <span className="whitespace-pre-wrap break-words">{text}</span> : <span className="text-muted">{empty}</span>;
}

/** Everything recorded about one opinion, as a description list. */
export function OpinionDetails({ opinion }: { opinion: OpinionView }) {
  const rows: [string, ReactNode][] = [
    ["Clinician", <Value key="c" text={opinion.clinician} />],
    ["Specialty", <Value key="s" text={opinion.specialty} />],
    ["Hospital or clinic", <Value key="i" text={opinion.institution} />],
    [
      "Kind of opinion",
      <span key="k">
        {OPINION_KIND_LABELS[opinion.kind].name}
        <span className="block text-sm text-muted">{OPINION_KIND_LABELS[opinion.kind].explanation}</span>
      </span>,
    ],
    ["Visit", opinion.visitAt ? <LocalDate key="v" date={opinion.visitAt} withTime /> : <span key="v" className="text-muted">Not booked yet.</span>],
    ["Status", OPINION_STATUS_LABELS[opinion.status]],
    ["In your insurance network", TRI_STATE_LABELS[opinion.inNetwork]],
    ["Referral needed", TRI_STATE_LABELS[opinion.referralNeeded]],
    ["Pre-approval needed", TRI_STATE_LABELS[opinion.preApprovalNeeded]],
    ["Expected costs", <Value key="e" text={opinion.expectedCosts} />],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="-mt-2 sm:mt-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
