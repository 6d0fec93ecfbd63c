"use client";
import { Lock, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { MoreActions } from "@/components/ui/more-actions";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { NoteView } from "@/lib/note";
import { noteSnippet } from "./note-snippet";
import { onDemand } from "@/components/ui/on-demand";

// Loaded when opened: react-hook-form and the form stay out of the page's first load (decision 0023).
const NoteEditForm = onDemand(() => import("./note-edit-form").then((m) => m.NoteEditForm));

type Props = {
  caseId: string;
  note: NoteView;
  /** The note's body, formatted on the server (`renderNoteBodies`). */
  body: ReactNode;
  /** The reader wrote it: they may edit and delete it. */
  mine: boolean;
  /** The reader may delete it (their own note, or the owner for any note they can see). */
  canDelete: boolean;
  /** The label of the opinion/visit the note was taken for, if any. */
  visitLabel?: string;
  /** Where focus goes once the note is deleted. */
  onDeleted: () => void;
};

/** One note: who wrote it and when, its text with light formatting, and its author's controls (Edit; Delete behind "More actions"). */
export function NoteItem({ caseId, note, body, mine, canDelete, onDeleted, visitLabel }: Props) {
  const t = useTranslations("notes.item");
  const client = useTRPCClient();
  const router = useRouter();
  const headerId = useId();
  const editToggle = useRef<HTMLButtonElement>(null);
  // Delete sits behind "More actions", closed by the time the confirmation ends: focus returns to its button.
  const moreButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useCaseMutation(client.note.delete.mutate);
  const author = note.authorName ?? t("formerMember");
  const snippet = noteSnippet(note.body);

  useReturnFocus(editing, editToggle);
  useReturnFocus(confirmingDelete, moreButton);
  const closeEdit = () => setEditing(false);

  // Not <ConfirmAction>: the question hides Edit as well, and once the note is gone focus goes to the list's heading.
  const onConfirmDelete = async () => {
    if ((await remove.run({ caseId, id: note.id, version: note.version })).ok) {
      onDeleted();
      return;
    }
    setConfirmingDelete(false);
    // Refused (e.g. already deleted elsewhere): show the notes as they are now.
    router.refresh();
  };

  return (
    <li>
      <article aria-labelledby={headerId} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <header id={headerId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <span className="font-semibold">
            {mine ? t("authorYou", { name: author }) : author}
          </span>
          <span className="text-muted">
            <LocalDate date={note.createdAt} withTime />
          </span>
          {visitLabel && <span className="text-sm text-muted">{t("forVisit", { visit: visitLabel })}</span>}
          {note.version > 1 && (
            <span className="text-sm text-muted">
              {t.rich("edited", { date: () => <LocalDate date={note.updatedAt} withTime /> })}
            </span>
          )}
          {note.private && mine && (
            <span className="inline-flex items-center gap-1 self-center rounded-full bg-caution-bg px-3 py-0.5 text-sm font-semibold text-caution">
              <Lock aria-hidden className="size-4" />
              {t("private")}
            </span>
          )}
        </header>

        {editing ? <NoteEditForm caseId={caseId} note={note} onDone={closeEdit} /> : body}

        {(mine || canDelete) && !editing && !confirmingDelete && (
          <div className="flex flex-wrap items-center justify-between gap-2">
            {mine && (
              <Button
                aria-label={t("editLabel", { note: snippet })}
                ref={editToggle}
                variant="secondary"
                onClick={() => setEditing(true)}
              >
                {t("edit")}
              </Button>
            )}
            {/* Delete never sits next to Edit: it is behind its own button, at the other end. */}
            {canDelete && (
              <div className="ml-auto">
                <MoreActions label={t("moreActions", { note: snippet })} buttonRef={moreButton}>
                  {(close) => (
                    <button
                      type="button"
                      aria-label={t("deleteLabel", { note: snippet })}
                      className="inline-flex min-h-11 w-full items-center justify-start gap-2 rounded-lg border-2 border-slate-300 bg-white px-2.5 py-2 font-semibold text-danger hover:bg-slate-100"
                      onClick={() => {
                        close();
                        setConfirmingDelete(true);
                      }}
                    >
                      <Trash2 aria-hidden className="size-5" />
                      {t("delete")}
                    </button>
                  )}
                </MoreActions>
              </div>
            )}
          </div>
        )}
        {confirmingDelete && (
          <ConfirmStep
            danger
            question={
              <p>{mine ? t("deleteOwn") : t("deleteOthers", { name: author })}</p>
            }
            confirmLabel={t("deleteYes")}
            busyLabel={t("deleting")}
            busy={remove.busy || remove.succeeded}
            onConfirm={() => void onConfirmDelete()}
            onCancel={() => setConfirmingDelete(false)}
          />
        )}
        <InlineError message={remove.message} />
      </article>
    </li>
  );
}
