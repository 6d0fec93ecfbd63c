import type { Route } from "next";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { LocalDate } from "@/components/ui/local-date";
import type { ActivityEntity } from "@/lib/vocabulary/activity";
import type { ActivityGroup } from "@/lib/activity";
import { type CaseSection, ENTITY_SECTION } from "@/lib/vocabulary/live";

function NewBadge() {
  const t = useTranslations("activity.feed");
  return (
    <span className="rounded-full bg-brand-600 px-2 py-0.5 text-sm font-semibold text-white">
      {t.rich("new", { hidden: (words) => <span className="sr-only">{words}</span> })}
    </span>
  );
}

function sectionOf(caseId: string, entityType: string): { href: Route; section: CaseSection } {
  const section = ENTITY_SECTION[entityType as ActivityEntity] ?? "overview";
  return { href: (section === "overview" ? `/cases/${caseId}` : `/cases/${caseId}/${section}`) as Route, section };
}

/** A run ("Ana wrote 10 notes"): one line that opens to its newest entries, and where to find the rest. */
function RunLine({ caseId, group, isNew }: { caseId: string; group: ActivityGroup; isNew: boolean }) {
  const section = sectionOf(caseId, group.entityType);
  const t = useTranslations("activity.feed");
  const common = useTranslations("common");
  const sections = useTranslations("cases.sections");
  return (
    <details className="group">
      <summary className="cursor-pointer">
        {isNew && <NewBadge />} <strong>{group.actorName ?? common("formerMember")}</strong> {group.label}
        {group.continuesEarlier && t("andMore")}
        {group.continuesLater && t("continued")}{" "}
        <span className="text-sm text-muted">
          <LocalDate date={group.newestAt} withTime />
        </span>
      </summary>
      <ul className="mt-2 flex flex-col gap-1 pl-5">
        {group.items.map((item) => (
          <li key={item.id} className="break-words">
            {item.summary}{" "}
            <span className="text-sm text-muted">
              <LocalDate date={item.createdAt} withTime />
            </span>
          </li>
        ))}
        {group.count > group.items.length && (
          <li>
            {t.rich("more", {
              count: group.count - group.items.length,
              section: sections(section.section),
              link: (words) => <Link href={section.href}>{words}</Link>,
            })}
          </li>
        )}
      </ul>
    </details>
  );
}

/** Lines of the feed, newest first; what happened since the reader's last visit is marked "New". */
export function ActivityGroups({ caseId, groups, newSince }: { caseId: string; groups: ActivityGroup[]; newSince: Date | null }) {
  const common = useTranslations("common");
  return (
    <ol className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {groups.map((group) => {
        const isNew = group.newestNewsAt !== null && newSince !== null && group.newestNewsAt.getTime() > newSince.getTime();
        const single = group.count === 1 && !group.continuesEarlier && !group.continuesLater ? group.items[0] : undefined;
        return (
          <li key={group.id} className="px-4 py-3">
            {single ? (
              <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                {isNew && <NewBadge />}
                <span className="break-words">
                  <strong>{single.actorName ?? common("formerMember")}</strong>
                  {": "}
                  {single.summary}
                </span>
                <span className="text-sm text-muted">
                  <LocalDate date={single.createdAt} withTime />
                </span>
              </span>
            ) : (
              <RunLine caseId={caseId} group={group} isNew={isNew} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
