import { useTranslations } from "next-intl";
import type { ActivityFeedPage } from "@/lib/activity";
import { ActivityGroups } from "./activity-groups";
import { EarlierActivity } from "./earlier-activity";

/** The case's feed: the first page of grouped activity, and earlier pages on request. */
export function ActivityFeed({ caseId, page, newSince }: { caseId: string; page: ActivityFeedPage; newSince: Date | null }) {
  const t = useTranslations("activity.feed");
  if (page.groups.length === 0) return <p className="text-muted">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <ActivityGroups caseId={caseId} groups={page.groups} newSince={newSince} />
      {page.nextCursor && <EarlierActivity key={page.nextCursor} caseId={caseId} cursor={page.nextCursor} newSince={newSince} />}
    </div>
  );
}

/** Holds the feed's place while it streams in, so nothing below it moves. */
export function ActivityFeedSkeleton() {
  const t = useTranslations("activity.feed");
  return (
    <div className="flex min-h-96 flex-col gap-3" aria-busy="true">
      <p className="text-muted">{t("loading")}</p>
      <div aria-hidden className="h-80 animate-pulse rounded-xl border border-slate-200 bg-slate-100" />
    </div>
  );
}
