import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import type { CaseSummary } from "@/lib/case";
import { ROLE_LABELS } from "@/lib/vocabulary/member";

/** One case on "My cases". */
export function CaseCard({ item }: { item: CaseSummary }) {
  const titleClass = "break-words text-xl font-semibold";
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className={titleClass}>
          {/* Not prefetched: the overview reads "new since your last visit" when the case is opened, not before. */}
          <Link href={`/cases/${item.id}`} prefetch={false}>
            {item.title}
          </Link>
        </h3>
        <div className="flex flex-wrap gap-2">
          {item.urgent && (
            <span className="rounded-full bg-danger px-3 py-0.5 text-sm font-semibold text-white">Urgent</span>
          )}
          {item.archivedAt && (
            <span className="rounded-full bg-slate-200 px-3 py-0.5 text-sm font-semibold text-ink">Archived</span>
          )}
        </div>
      </div>
      <p className="text-muted">
        For {item.patientName} · Your role: {ROLE_LABELS[item.role].name}
      </p>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>
          Last activity <LocalDate date={item.lastActivityAt} />
        </span>
        {item.newSinceLastVisit > 0 && (
          <span className="rounded-full bg-brand-600 px-3 py-0.5 text-sm font-semibold text-white">
            {item.newSinceLastVisit} new since your last visit
          </span>
        )}
      </p>
    </li>
  );
}
