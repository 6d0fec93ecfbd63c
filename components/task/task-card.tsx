"use client";
import type { Route } from "next";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { InlineError } from "@/components/ui/inline-error";
import { LocalDate } from "@/components/ui/local-date";
import { MoreActions } from "@/components/ui/more-actions";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { TaskLinkKind, TaskView } from "@/lib/task";
import { TaskDue } from "./task-due";
import type { TaskChoices } from "./task-fields";
import { onDemand } from "@/components/ui/on-demand";

// Loaded when opened: react-hook-form and the form stay out of the page's first load (decision 0023).
const TaskEditForm = onDemand(() => import("./task-edit-form").then((m) => m.TaskEditForm));

const LINK_SECTION: Record<TaskLinkKind, string> = { record: "records", opinion: "opinions", question: "questions" };

function linkHref(caseId: string, link: NonNullable<TaskView["link"]>): Route {
  return (link.kind === "opinion" ? `/cases/${caseId}/opinions/${link.id}` : `/cases/${caseId}/${LINK_SECTION[link.kind]}`) as Route;
}

type Props = {
  caseId: string;
  task: TaskView;
  me: string;
  /** Members who can edit mark it done (or open it again). */
  canChange: boolean;
  /** Given where the card also offers Edit and Remove (the tasks section, not the overview). */
  choices?: TaskChoices | null;
  headingLevel?: "h3" | "h4";
};

/**
 * One task: what, for whom, by when, about what, and who did it. One primary action — "Mark done", or
 * "Open it again" once done — with Edit and Remove behind "More actions".
 */
export function TaskCard({ caseId, task, me, canChange, choices = null, headingLevel: Heading = "h3" }: Props) {
  const t = useTranslations("tasks.card");
  const client = useTRPCClient();
  const router = useRouter();
  const headingId = useId();
  const moreButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const setDone = useCaseMutation(client.task.setDone.mutate);
  const remove = useCaseMutation(client.task.delete.mutate);
  useReturnFocus(editing || confirmingRemove, moreButton);
  const done = task.status === "done";

  const toggle = async () => {
    // A stale screen is refused (CONFLICT) with words; the page then shows the task as it is now.
    if (!(await setDone.run({ caseId, id: task.id, version: task.version, done: !done })).ok) router.refresh();
  };
  const onRemove = async () => {
    if (!(await remove.run({ caseId, id: task.id, version: task.version })).ok) {
      setConfirmingRemove(false);
      router.refresh();
    }
  };

  const who = task.assigneeId === null ? t("forAnyone") : task.assigneeId === me ? t("forYou") : task.assigneeName ? t("for", { name: task.assigneeName }) : t("forFormer");

  return (
    // The task's own address (emails link to it): /cases/<id>/tasks#task-<id>.
    <li id={`task-${task.id}`} className="scroll-mt-4">
      <article aria-labelledby={headingId} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
        <Heading id={headingId} className={`break-words text-lg font-semibold ${done ? "text-muted line-through decoration-1" : ""}`}>
          {task.title}
        </Heading>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <span>{who}</span>
          {!done && <TaskDue task={task} />}
        </p>
        {task.link && (
          <p className="break-words">
            {t("about")}{" "}
            {task.link.label === null ? (
              <span className="text-muted">{task.link.kind === "record" ? t("aboutHidden") : t("aboutGone")}</span>
            ) : (
              <Link href={linkHref(caseId, task.link)} prefetch={false}>
                {task.link.label}
              </Link>
            )}
          </p>
        )}
        {task.note && <p className="whitespace-pre-wrap break-words text-muted">{task.note}</p>}
        {!done && task.dueOn && (
          <p>
            {/* An all-day event on the due day (app/api/cases/[caseId]/tasks/[taskId]/calendar). */}
            <a href={`/api/cases/${caseId}/tasks/${task.id}/calendar`} download aria-label={t("addToCalendarLabel", { title: task.title })} className="font-semibold">
              {t("addToCalendar")}
            </a>
          </p>
        )}
        {done && task.completedAt && (
          <p className="font-semibold text-brand-700">
            {task.completedByName
              ? t.rich("doneBy", { name: task.completedByName, date: () => <LocalDate date={task.completedAt!} /> })
              : t.rich("doneByFormer", { date: () => <LocalDate date={task.completedAt!} /> })}
          </p>
        )}

        {choices && editing && <TaskEditForm caseId={caseId} task={task} choices={choices} onDone={() => setEditing(false)} />}
        {canChange && !editing && !confirmingRemove && (
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Button
              variant={done ? "secondary" : "primary"}
              aria-label={done ? t("reopenLabel", { title: task.title }) : t("markDoneLabel", { title: task.title })}
              disabled={setDone.busy}
              onClick={() => void toggle()}
            >
              {setDone.busy ? t("marking") : done ? t("reopen") : t("markDone")}
            </Button>
            {choices && (
            <div className="ml-auto">
              <MoreActions label={t("more", { title: task.title })} buttonRef={moreButton}>
                {(close) => (
                  <>
                    <button
                      type="button"
                      aria-label={t("editLabel", { title: task.title })}
                      className="inline-flex min-h-11 w-full items-center justify-start rounded-lg border-2 border-slate-300 bg-white px-2.5 py-2 font-semibold hover:bg-slate-100"
                      onClick={() => {
                        close();
                        setEditing(true);
                      }}
                    >
                      {t("edit")}
                    </button>
                    <button
                      type="button"
                      aria-label={t("removeLabel", { title: task.title })}
                      className="mt-2 inline-flex min-h-11 w-full items-center justify-start rounded-lg border-2 border-slate-300 bg-white px-2.5 py-2 font-semibold text-danger hover:bg-slate-100"
                      onClick={() => {
                        close();
                        setConfirmingRemove(true);
                      }}
                    >
                      {t("remove")}
                    </button>
                  </>
                )}
              </MoreActions>
            </div>
            )}
          </div>
        )}
        {confirmingRemove && (
          <ConfirmStep
            danger
            question={<p>{t("removeQuestion")}</p>}
            confirmLabel={t("removeYes")}
            busyLabel={t("removing")}
            busy={remove.busy || remove.succeeded}
            onConfirm={() => void onRemove()}
            onCancel={() => setConfirmingRemove(false)}
          />
        )}
        <InlineError message={setDone.message ?? remove.message} />
      </article>
    </li>
  );
}
