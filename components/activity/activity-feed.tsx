import { LocalDate } from "@/components/ui/local-date";
import type { ActivityView } from "@/lib/activity";

type ActivityItem = Pick<ActivityView, "id" | "actorName" | "summary" | "isNews" | "createdAt">;

/** Who did what and when, newest first; what happened since the reader's last visit is marked "New". */
export function ActivityFeed({ items, newSince }: { items: ActivityItem[]; newSince: Date | null }) {
  if (items.length === 0) return <p className="text-muted">Nothing has happened in this case yet.</p>;
  return (
    <ol className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {items.map((item) => {
        const isNew = item.isNews && newSince !== null && item.createdAt.getTime() > newSince.getTime();
        return (
          <li key={item.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
            {isNew && (
              <span className="rounded-full bg-brand-600 px-2 py-0.5 text-sm font-semibold text-white">
                New<span className="sr-only"> since your last visit:</span>
              </span>
            )}
            <span>
              <strong>{item.actorName ?? "A former member"}</strong>: {item.summary}
            </span>
            <span className="text-sm text-muted">
              <LocalDate date={item.createdAt} withTime />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
