"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { RECORD_STATUSES, type RecordStatus } from "@/lib/vocabulary/record";
import type { RecordView } from "@/lib/record";
import { FileUploadOnFirstUse } from "./file-upload-on-first-use";
import { RecordActionsOnFirstUse } from "./record-actions-on-first-use";
import { RecordFilesOnFirstUse } from "./record-files-on-first-use";
import type { RecordFileShown, RecordPermissions, RecordsPartT } from "./types";

/** The tag on a private record, saying who can see it from the reader's point of view. */
function privateTag(record: RecordView, permissions: RecordPermissions, t: RecordsPartT<"card">): string {
  const mine = record.authorId === permissions.userId;
  if (mine && permissions.isOwner) return t("privateOnlyYou");
  if (mine) return t("privateYouAndOwner");
  if (permissions.isOwner) {
    return record.authorName ? t("privateYouAndAuthor", { name: record.authorName }) : t("privateYouAndAuthorUnknown");
  }
  return t("private");
}

/** One record: what it is, where from, its dates, notes, files, and (for owner and supporters) the controls. */
export function RecordCard({
  caseId,
  record,
  files,
  permissions,
  onMoved,
}: {
  caseId: string;
  record: RecordView;
  files: RecordFileShown[];
  permissions: RecordPermissions;
  onMoved: (record: RecordView, status: RecordStatus) => void;
}) {
  const t = useTranslations("records.card");
  const kinds = useTranslations("records.kind");
  const titleId = useId();
  // A record moved back keeps the dates of the steps it left; only the steps up to its status are shown.
  const reached = RECORD_STATUSES.indexOf(record.status);
  const dates = (
    [
      ["dateAdded", record.neededAt],
      ["dateRequested", record.requestedAt],
      ["dateReceived", record.receivedAt],
      ["dateShared", record.sharedAt],
    ] as const
  ).filter((_, index) => index <= reached);
  return (
    <article
      id={`record-${record.id}`}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5"
    >
      <div className="flex flex-col gap-1">
        <h3 id={titleId} className="break-words text-xl font-semibold">
          {record.title}
        </h3>
        <p className="text-muted">
          {record.source
            ? t("kindFrom", { kind: kinds(record.kind), source: record.source })
            : t("kindNoSource", { kind: kinds(record.kind) })}
        </p>
        {record.private && (
          <p>
            <span className="inline-block rounded-md bg-slate-200 px-2 py-0.5 text-sm font-semibold">
              {privateTag(record, permissions, t)}
            </span>
          </p>
        )}
      </div>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {dates.map(([label, date]) =>
          date ? (
            <li key={label}>{t.rich(label, { date: () => <LocalDate date={date} /> })}</li>
          ) : null,
        )}
      </ul>
      {record.notes && <p className="whitespace-pre-wrap break-words">{record.notes}</p>}
      <p className="text-sm text-muted">
        {record.authorName ? t("addedBy", { name: record.authorName }) : t("addedByFormer")}
      </p>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
        <h4 className="font-semibold">
          {t.rich("files", { title: record.title, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
        </h4>
        <RecordFilesOnFirstUse caseId={caseId} files={files} canEdit={permissions.canEdit} />
        {permissions.canEdit && <FileUploadOnFirstUse caseId={caseId} recordId={record.id} recordTitle={record.title} />}
      </div>

      {permissions.canEdit && <RecordActionsOnFirstUse caseId={caseId} record={record} permissions={permissions} onMoved={onMoved} />}
    </article>
  );
}
