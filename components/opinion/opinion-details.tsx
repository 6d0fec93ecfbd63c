import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { OpinionView } from "@/lib/opinion";
import type { Companion } from "./opinion-form";
import { VisitTime } from "./visit-time";

function Value({ text }: { text: string }) {
  const t = useTranslations("opinions");
  return text ? <span className="whitespace-pre-wrap break-words">{text}</span> : <span className="text-muted">{t("details.notWritten")}</span>;
}

/** Everything recorded about one opinion, as a description list. */
export function OpinionDetails({ opinion, companions }: { opinion: OpinionView; companions: Companion[] }) {
  const t = useTranslations("opinions");
  const coming = companions.filter((c) => opinion.comingAlong.includes(c.userId)).map((c) => c.name);
  const rows: [string, ReactNode][] = [
    [t("details.clinician"), <Value key="c" text={opinion.clinician} />],
    [t("details.specialty"), <Value key="s" text={opinion.specialty} />],
    [t("details.institution"), <Value key="i" text={opinion.institution} />],
    [
      t("details.kind"),
      <span key="k">
        {t(`kind.${opinion.kind}.name`)}
        <span className="block text-sm text-muted">{t(`kind.${opinion.kind}.explanation`)}</span>
      </span>,
    ],
    [
      t("details.visit"),
      opinion.visitAt ? (
        <VisitTime key="v" date={opinion.visitAt} zone={opinion.visitTimeZone} />
      ) : (
        <span key="v" className="text-muted">
          {t("details.notBooked")}
        </span>
      ),
    ],
    [t("details.place"), <Value key="p" text={opinion.visitPlace} />],
    [
      t("details.link"),
      opinion.visitLink ? (
        // Checked to be http(s) when saved (lib/opinion.ts); opens outside the case, telling it nothing.
        <a key="l" href={opinion.visitLink} rel="noopener noreferrer" target="_blank" className="break-all">
          {opinion.visitLink}
        </a>
      ) : (
        <Value key="l" text="" />
      ),
    ],
    [t("details.comingAlong"), coming.length > 0 ? coming.join(", ") : <span key="w" className="text-muted">{t("details.nobodyYet")}</span>],
    [t("details.status"), t(`status.${opinion.status}`)],
    [t("details.inNetwork"), t(`tri.${opinion.inNetwork}`)],
    [t("details.referral"), t(`tri.${opinion.referralNeeded}`)],
    [t("details.preApproval"), t(`tri.${opinion.preApprovalNeeded}`)],
    [t("details.costs"), <Value key="e" text={opinion.expectedCosts} />],
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
