import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { NewTaskFormOnFirstUse } from "@/components/task/new-task-form-on-first-use";
import { SuggestedTasks } from "@/components/task/suggested-tasks";
import { TaskCard } from "@/components/task/task-card";
import type { TaskChoices } from "@/components/task/task-fields";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.page");
  return { title: t("title") };
}

type Props = { params: Promise<{ caseId: string }> };

/** Who does what: the suggested tasks, adding one, then what is to do and what is done. */
export default async function TasksPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "tasks");
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/cases/${caseId}/tasks`)}`);
  const canEdit = theCase.myRole !== "viewer";
  const caller = await api();
  const [tasks, suggestions, records, opinions, questions, t] = await Promise.all([
    caller.task.list({ caseId }),
    canEdit ? caller.task.suggestions({ caseId }) : [],
    canEdit ? caller.record.list({ caseId }) : [],
    canEdit ? caller.opinion.list({ caseId }) : [],
    canEdit ? caller.question.list({ caseId }) : [],
    getTranslations("tasks"),
  ]);
  const choices: TaskChoices | null = canEdit
    ? {
        me: session.user.id,
        editors: theCase.members.filter((m) => m.role !== "viewer").map(({ userId, name }) => ({ userId, name })),
        items: {
          record: records.map((r) => ({ id: r.id, label: r.title })),
          opinion: opinions.map((o) => ({ id: o.id, label: o.label })),
          question: questions.map((q) => ({ id: q.id, label: q.text })),
        },
      }
    : null;
  const open = tasks.filter((task) => task.status === "open");
  const done = tasks.filter((task) => task.status === "done");

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">{t("page.title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{canEdit ? t("page.intro") : t("page.readOnly")}</p>
      </div>

      <section aria-labelledby="open-tasks-title" className="flex flex-col gap-4">
        <h2 id="open-tasks-title" className="text-2xl font-semibold">
          {t("page.open")}
        </h2>
        {open.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-muted">{t("page.emptyOpen")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {open.map((task) => (
              <TaskCard key={task.id} caseId={caseId} task={task} me={session.user.id} canChange={canEdit} choices={choices} />
            ))}
          </ul>
        )}
      </section>

      {suggestions.length > 0 && (
        <section id="suggested" aria-labelledby="suggested-title" className="flex flex-col gap-4">
          <div>
            <h2 id="suggested-title" className="text-2xl font-semibold">
              {t("suggestions.title")}
            </h2>
            <p className="mt-1 max-w-3xl text-muted">{t("suggestions.intro")}</p>
          </div>
          <SuggestedTasks caseId={caseId} suggestions={suggestions} />
        </section>
      )}

      {choices && (
        <section aria-labelledby="add-task-title" className="flex flex-col gap-4">
          <h2 id="add-task-title" className="text-2xl font-semibold">
            {t("page.add")}
          </h2>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <NewTaskFormOnFirstUse caseId={caseId} choices={choices} />
          </div>
        </section>
      )}

      <section aria-labelledby="done-tasks-title" className="flex flex-col gap-4">
        <h2 id="done-tasks-title" className="text-2xl font-semibold">
          {t("page.done")}
        </h2>
        {done.length === 0 ? (
          <p className="text-muted">{t("page.emptyDone")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {done.map((task) => (
              <TaskCard key={task.id} caseId={caseId} task={task} me={session.user.id} canChange={canEdit} choices={choices} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
