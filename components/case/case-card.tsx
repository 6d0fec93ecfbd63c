import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { LocalDate } from "@/components/ui/local-date";
import type { CaseSummary } from "@/lib/case";

/** One case on "My cases". */
export function CaseCard({ item }: { item: CaseSummary }) {
  const t = useTranslations("cases");
  const roles = useTranslations("sharing.roles");
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
            <span className="rounded-full bg-danger px-3 py-0.5 text-sm font-semibold text-white">{t("card.urgent")}</span>
          )}
          {item.archivedAt && (
            <span className="rounded-full bg-slate-200 px-3 py-0.5 text-sm font-semibold text-ink">{t("card.archived")}</span>
          )}
        </div>
      </div>
      <p className="text-muted">
        {t("card.forPatient", { patient: item.patientName, role: roles(`${item.role}.name`) })}
      </p>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>{t.rich("card.lastActivity", { date: () => <LocalDate date={item.lastActivityAt} /> })}</span>
        {item.newSinceLastVisit > 0 && (
          <span className="rounded-full bg-brand-600 px-3 py-0.5 text-sm font-semibold text-white">
            {t("card.newSinceVisit", { count: item.newSinceLastVisit })}
          </span>
        )}
      </p>
    </li>
  );
}
