"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format-date";
import type { TaskStatus } from "@/lib/task";
import { isOverdue, todayIn } from "@/lib/vocabulary/task";
import { useInBrowser } from "@/components/ui/use-browser-value";

/**
 * A task's due day, and whether it has passed where the reader is. The server does not know the
 * reader's zone, so the first render uses UTC's today; the browser then uses its own (decision 0021).
 */
export function TaskDue({ task }: { task: { status: TaskStatus; dueOn: string | null } }) {
  const t = useTranslations("tasks.card");
  const locale = useLocale();
  const inBrowser = useInBrowser();
  if (!task.dueOn) return null;
  // A calendar day: formatted at midday UTC, in UTC, it is the same day everywhere.
  const date = formatDate(new Date(`${task.dueOn}T12:00:00Z`), locale, "UTC");
  const overdue = isOverdue(task, todayIn(inBrowser ? undefined : "UTC"));
  return (
    <span className={overdue ? "font-semibold text-danger" : "text-muted"}>
      <time dateTime={task.dueOn}>{overdue ? t("overdue", { date }) : t("due", { date })}</time>
    </span>
  );
}
