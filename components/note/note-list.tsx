"use client";
import type { ReactNode } from "react";
import { NoteItem } from "./note-item";
import type { NoteView } from "@/lib/note";

/** The notes, newest first. */
export function NoteList({
  caseId,
  notes,
  bodies,
  myUserId,
  isOwner,
  headingId,
  visitLabels,
}: {
  caseId: string;
  notes: NoteView[];
  /** Each note's formatted body by id (`renderNoteBodies`, on the server). */
  bodies: Record<string, ReactNode>;
  myUserId: string;
  isOwner: boolean;
  /** The section heading: focus goes there when a note is deleted. */
  headingId: string;
  /** Opinion id → label, to show which visit a note was taken for. */
  visitLabels: Map<string, string>;
}) {
  return (
    <ul aria-labelledby={headingId} className="flex flex-col gap-4">
      {notes.map((note) => {
        const mine = note.authorId === myUserId;
        return (
          <NoteItem
            key={note.id}
            caseId={caseId}
            note={note}
            body={bodies[note.id]}
            mine={mine}
            // The server allows the author, or the owner for any note they can see; viewers never.
            canDelete={mine || isOwner}
            visitLabel={note.opinionId ? visitLabels.get(note.opinionId) : undefined}
            onDeleted={() => document.getElementById(headingId)?.focus()}
          />
        );
      })}
    </ul>
  );
}
