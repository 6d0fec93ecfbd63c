import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { renderNoteBodies } from "@/components/ui/markdown-text";
import { NoteFilters } from "@/components/note/note-filters";
import { NewNoteFormOnFirstUse } from "@/components/note/new-note-form-on-first-use";
import { NoteList } from "@/components/note/note-list";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notes.page");
  return { title: t("title") };
}

/** The newest notes a page shows at first; the rest on request, so a long case stays light on a phone. */
const FIRST_NOTES = 20;

type Props = {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<{ [key: string]: string | string[] | undefined }>;
};

export default async function NotesPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "notes");
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/cases/${caseId}/notes`)}`);
  const { author, visit, all } = await searchParams;
  const [caller, t] = await Promise.all([api(), getTranslations("notes.page")]);
  const visits = (await caller.opinion.list({ caseId })).map(({ id, label }) => ({ id, label }));
  // Only a current member or one of the case's visits can be chosen; anything else shows all notes.
  const chosen = theCase.members.find((m) => typeof author === "string" && m.userId === author);
  const chosenVisit = visits.find((v) => typeof visit === "string" && v.id === visit);
  const showAll = all === "1";
  const read = await caller.note.list({ caseId, authorId: chosen?.userId, opinionId: chosenVisit?.id, limit: showAll ? undefined : FIRST_NOTES + 1 });
  const more = !showAll && read.length > FIRST_NOTES;
  const notes = more ? read.slice(0, FIRST_NOTES) : read;
  const allNotes = new URLSearchParams({ ...(chosen && { author: chosen.userId }), ...(chosenVisit && { visit: chosenVisit.id }), all: "1" });
  const canWrite = theCase.myRole !== "viewer";
  const authors = theCase.members.map(({ userId, name }) => ({ userId, name }));

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("intro")}</p>
      </div>

      {canWrite && (
        <section aria-labelledby="write-note-title" className="flex flex-col gap-4">
          <h2 id="write-note-title" className="text-2xl font-semibold">
            {t("write")}
          </h2>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <NewNoteFormOnFirstUse caseId={caseId} visits={visits} />
          </div>
        </section>
      )}

      <section aria-labelledby="notes-title" className="flex flex-col gap-4">
        <h2 id="notes-title" tabIndex={-1} className="text-2xl font-semibold">
          {chosen ? t("notesBy", { name: chosen.name }) : t("allNotes")}
          {chosenVisit && t("forVisit", { visit: chosenVisit.label })}
        </h2>
        {(authors.length > 1 || visits.length > 0) && (
          <NoteFilters
            action={`/cases/${caseId}/notes#notes-title`}
            authors={authors}
            selected={chosen?.userId ?? ""}
            visits={visits}
            selectedVisit={chosenVisit?.id ?? ""}
          />
        )}
        {notes.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-muted">
            {chosen ? t("noneBy", { name: chosen.name }) : canWrite ? t("emptyWriter") : t("emptyReader")}
          </p>
        ) : (
          <NoteList
            caseId={caseId}
            notes={notes}
            bodies={renderNoteBodies(notes)}
            myUserId={session.user.id}
            isOwner={theCase.myRole === "owner"}
            headingId="notes-title"
            visitLabels={new Map(visits.map((v) => [v.id, v.label]))}
          />
        )}
        {more && (
          <Link href={`/cases/${caseId}/notes?${allNotes.toString()}`} className="self-start font-semibold">
            {t("showOlder")}
          </Link>
        )}
      </section>
    </div>
  );
}
