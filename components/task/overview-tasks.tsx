import type { Route } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { TaskOverview } from "@/lib/task";
import { TaskCard } from "./task-card";
import { TaskDue } from "./task-due";

/** The overview's first screen: the reader's open tasks, overdue first, each with its "Mark done". */
export async function ForYou({ caseId, overview, me, canChange }: { caseId: string; overview: TaskOverview; me: string; canChange: boolean }) {
  const t = await getTranslations("tasks.overview");
  return (
    <section aria-labelledby="for-you-title" className="flex flex-col gap-3">
      <h2 id="for-you-title" className="text-2xl font-semibold">
        {t("forYou")}
      </h2>
      {overview.forYou.length === 0 ? (
        <p className="text-muted">{t("forYouEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {overview.forYou.map((task) => (
            <TaskCard key={task.id} caseId={caseId} task={task} me={me} canChange={canChange} />
          ))}
        </ul>
      )}
      <Link href={`/cases/${caseId}/tasks` as Route} prefetch={false} className="self-start font-semibold">
        {t("allTasks")}
      </Link>
    </section>
  );
}

/** What comes next in the case: the next visit, and the next dated tasks of the others. */
export async function ComingUp({ caseId, overview }: { caseId: string; overview: TaskOverview }) {
  const t = await getTranslations("tasks");
  const { visit, tasks } = overview.comingUp;
  return (
    <section aria-labelledby="coming-up-title" className="flex flex-col gap-3">
      <h2 id="coming-up-title" className="text-2xl font-semibold">
        {t("overview.comingUp")}
      </h2>
      {!visit && tasks.length === 0 ? (
        <p className="text-muted">{t("overview.comingUpEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {visit && (
            <li className="break-words">
              <span className="font-semibold">{t("overview.nextVisit")}</span>{" "}
              <Link href={`/cases/${caseId}/opinions/${visit.opinionId}` as Route} prefetch={false}>
                {visit.label}
              </Link>{" "}
              <span className="whitespace-nowrap">
                (<LocalDate date={visit.visitAt} withTime />)
              </span>
            </li>
          )}
          {tasks.map((task) => (
            <li key={task.id} className="break-words">
              <span className="font-semibold">{task.title}</span>
              {" · "}
              {task.assigneeName ? t("card.for", { name: task.assigneeName }) : t("card.forAnyone")}
              {" · "}
              <TaskDue task={task} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
