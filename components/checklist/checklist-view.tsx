import type { Route } from "next";
import { CheckCircle2, Circle } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { LocalDate } from "@/components/ui/local-date";
import { isManualChecklistItem } from "@/lib/vocabulary/checklist";
import { CHECKLIST_SUGGESTIONS } from "@/lib/vocabulary/task";
import type { ChecklistItemView, ChecklistView as Checklist } from "@/lib/checklist";
import { ManualTick } from "./manual-tick";

function ChecklistItem({ caseId, item, canEdit }: { caseId: string; item: ChecklistItemView; canEdit: boolean }) {
  const t = useTranslations("checklist");
  const Icon = item.done ? CheckCircle2 : Circle;
  const text = t(`items.${item.key}.text`);
  const place = t(`places.${item.place}`);
  const tickedAt = item.tickedAt;
  return (
    <li className="flex flex-col gap-1 border-t border-slate-200 py-3 first:border-t-0">
      {canEdit && isManualChecklistItem(item.key) ? (
        <ManualTick caseId={caseId} item={item.key} text={text} done={item.done} />
      ) : (
        <div className="flex items-start gap-3">
          <Icon aria-hidden className={`mt-0.5 size-6 shrink-0 ${item.done ? "text-brand-600" : "text-slate-400"}`} />
          <p className="font-semibold">
            <span className="sr-only">{item.done ? t("done") : t("notYet")}</span>
            {text}
          </p>
        </div>
      )}
      <div className="flex flex-col gap-1 pl-9 text-sm text-muted">
        <p>
          {tickedAt
            ? t.rich("tickedBy", { name: item.tickedByName ?? t("formerMember"), date: () => <LocalDate date={tickedAt} /> })
            : t(`items.${item.key}.detail`)}
        </p>
        <p>
          {/* Not prefetched: the checklist links many sections, and nothing here is needed before a click. */}
          <Link href={item.href as Route} prefetch={false} aria-label={t("goToLabel", { place, item: text })}>
            {t("goTo", { place })}
          </Link>
        </p>
        {/* The work of this item has a suggested task: the tasks section offers it, until taken up or dismissed. */}
        {canEdit && !item.done && CHECKLIST_SUGGESTIONS[item.key] && (
          <p>
            <Link href={`/cases/${caseId}/tasks#suggested` as Route} prefetch={false} aria-label={t("suggestedTaskLabel", { item: text })}>
              {t("suggestedTask")}
            </Link>
          </p>
        )}
      </div>
    </li>
  );
}

/** The whole checklist, phase by phase. Auto items show their state; manual ones are checkboxes for editors. */
export function ChecklistView({ caseId, checklist, canEdit }: { caseId: string; checklist: Checklist; canEdit: boolean }) {
  const t = useTranslations("checklist");
  return (
    <div className="flex flex-col gap-6">
      {checklist.phases.map((phase) => (
        <section key={phase.phase} aria-labelledby={`phase-${phase.phase}`} className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`phase-${phase.phase}`} className="text-xl font-semibold">
              {t(`phases.${phase.phase}`)}
            </h2>
            <p className="font-semibold text-muted">{t("phaseDone", { done: phase.done, total: phase.total })}</p>
          </div>
          <ul className="mt-2">
            {phase.items.map((item) => (
              <ChecklistItem key={item.key} caseId={caseId} item={item} canEdit={canEdit} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The overview's first thing: the next few unticked steps, each linked, and the way to the whole checklist. */
export function NextSteps({ caseId, checklist, count = 3 }: { caseId: string; checklist: Checklist; count?: number }) {
  const t = useTranslations("checklist");
  const next = checklist.phases.flatMap((p) => p.items).filter((i) => !i.done).slice(0, count);
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      {next.length === 0 ? (
        <p>{t("allDone")}</p>
      ) : (
        <ol className="list-decimal space-y-1 pl-6">
          {next.map((item) => (
            <li key={item.key}>
              <Link href={item.href as Route} prefetch={false}>
                {t(`items.${item.key}.text`)}
              </Link>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={`/cases/${caseId}/checklist`}>{t("seeWhole")}</Link>
      </p>
    </div>
  );
}

/** The overview's progress: how far along each of the four phases is. */
export function PhaseProgress({ checklist }: { checklist: Checklist }) {
  const t = useTranslations("checklist");
  return (
    <ul aria-label={t("progressLabel")} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
      {checklist.phases.map((phase) => {
        const counts = { phase: t(`phases.${phase.phase}`), done: phase.done, total: phase.total };
        return (
          <li key={phase.phase} className="flex flex-col gap-1">
            <span className="font-semibold">{t("progressPhase", counts)}</span>
            <progress value={phase.done} max={phase.total} aria-label={t("progressPhaseLabel", counts)} className="h-3 w-full accent-brand-600" />
          </li>
        );
      })}
    </ul>
  );
}
