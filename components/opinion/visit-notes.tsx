"use client";
import { useTranslations } from "next-intl";
import { type ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import type { NoteView } from "@/lib/note";
import { onFirstUse } from "@/components/ui/on-first-use";

const VisitNoteForm = onFirstUse(() => import("./visit-note-form").then((m) => m.VisitNoteForm));

/** Notes taken for one opinion/visit (private ones only their author sees), and a small form to write one. */
export function VisitNotes({
  caseId,
  opinionId,
  opinionLabel,
  notes,
  bodies,
  canEdit,
}: {
  caseId: string;
  opinionId: string;
  opinionLabel: string;
  notes: NoteView[];
  /** Each note's formatted body by id (`renderNoteBodies`, on the server). */
  bodies: Record<string, ReactNode>;
  canEdit: boolean;
}) {
  const t = useTranslations("opinions.notes");
  return (
    <div className="flex flex-col gap-4">
      {notes.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul aria-label={t("listLabel", { label: opinionLabel })} className="flex flex-col gap-3">
          {notes.map((note) => (
            <li key={note.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm text-muted">
                <span className="font-semibold text-ink">{note.authorName ?? t("former")}</span>
                <LocalDate date={note.createdAt} withTime />
                {note.private && (
                  <span className="rounded-full bg-slate-200 px-2 py-0.5 font-semibold text-ink">{t("private")}</span>
                )}
              </p>
              {bodies[note.id]}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <VisitNoteForm caseId={caseId} opinionId={opinionId} />}
    </div>
  );
}
