"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { MoreActions } from "@/components/ui/more-actions";
import { RECORD_STATUSES, type RecordStatus } from "@/lib/vocabulary/record";
import type { RecordFileView, RecordView } from "@/lib/record";
import { FileUpload } from "./file-upload";
import { RecordFiles } from "./record-files";
import { ChooseStatusForm, MarkNextStatus } from "./record-status";
import type { RecordPermissions, RecordsT } from "./types";
import { onDemand } from "@/components/ui/on-demand";

// Loaded when opened: react-hook-form and the form stay out of the page's first load (decision 0023).
const EditRecordForm = onDemand(() => import("./edit-record-form").then((m) => m.EditRecordForm));

/** The tag on a private record, saying who can see it from the reader's point of view. */
function privateTag(record: RecordView, permissions: RecordPermissions, t: RecordsT): string {
  const mine = record.authorId === permissions.userId;
  if (mine && permissions.isOwner) return t("card.privateOnlyYou");
  if (mine) return t("card.privateYouAndOwner");
  if (permissions.isOwner) {
    return record.authorName ? t("card.privateYouAndAuthor", { name: record.authorName }) : t("card.privateYouAndAuthorUnknown");
  }
  return t("card.private");
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
  files: RecordFileView[];
  permissions: RecordPermissions;
  onMoved: (record: RecordView, status: RecordStatus) => void;
}) {
  const t = useTranslations("records");
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
            ? t("card.kindFrom", { kind: t(`kind.${record.kind}`), source: record.source })
            : t("card.kindNoSource", { kind: t(`kind.${record.kind}`) })}
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
            <li key={label}>{t.rich(`card.${label}`, { date: () => <LocalDate date={date} /> })}</li>
          ) : null,
        )}
      </ul>
      {record.notes && <p className="whitespace-pre-wrap break-words">{record.notes}</p>}
      <p className="text-sm text-muted">
        {record.authorName ? t("card.addedBy", { name: record.authorName }) : t("card.addedByFormer")}
      </p>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
        <h4 className="font-semibold">
          {t.rich("card.files", { title: record.title, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
        </h4>
        <RecordFiles caseId={caseId} files={files} canEdit={permissions.canEdit} />
        {permissions.canEdit && <FileUpload caseId={caseId} recordId={record.id} recordTitle={record.title} />}
      </div>

      {permissions.canEdit && <RecordActions caseId={caseId} record={record} permissions={permissions} onMoved={onMoved} />}
    </article>
  );
}

type Panel = "edit" | "status" | null;

/**
 * The card's one primary action (the record's next status) and, behind "More actions", the rest:
 * edit details, another status, remove. The panel an action opens sits below; closing it hands focus
 * back to the "More actions" button.
 */
function RecordActions({
  caseId,
  record,
  permissions,
  onMoved,
}: {
  caseId: string;
  record: RecordView;
  permissions: RecordPermissions;
  onMoved: (record: RecordView, status: RecordStatus) => void;
}) {
  const t = useTranslations("records");
  const client = useTRPCClient();
  const [panel, setPanel] = useState<Panel>(null);
  const more = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const remove = useCaseMutation(client.record.delete.mutate);

  // The action that opened a panel sat in the closed "More actions": focus moves into the panel instead.
  const panelBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (panel) panelBox.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [panel]);

  const closePanel = () => {
    flushSync(() => setPanel(null));
    more.current?.querySelector<HTMLButtonElement>("button[aria-expanded]")?.focus();
  };

  const fileNote = record.fileCount > 0 ? ` ${t("card.removeFiles", { count: record.fileCount })}` : "";

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <MarkNextStatus caseId={caseId} record={record} onMoved={onMoved} />
        {/* Last in the row and pushed to the far side: nothing destructive sits beside the primary action. */}
        <div ref={more} className="ml-auto">
          <MoreActions label={t("card.moreActions", { title: record.title })}>
            {(close) => (
              <>
                <Button
                  variant="secondary"
                  className="w-full justify-start"
                  aria-controls={panelId}
                  aria-label={t("card.editDetailsOf", { title: record.title })}
                  onClick={() => {
                    close();
                    setPanel("edit");
                  }}
                >
                  {t("card.editDetails")}
                </Button>
                <Button
                  variant="secondary"
                  className="w-full justify-start"
                  aria-controls={panelId}
                  aria-label={t("card.changeStatusOf", { title: record.title })}
                  onClick={() => {
                    close();
                    setPanel("status");
                  }}
                >
                  {t("card.changeStatus")}
                </Button>
                <ConfirmAction
                  label={t.rich("card.remove", { title: record.title, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                  danger
                  question={
                    <p>
                      {t.rich("card.removeQuestion", { title: record.title, strong: (chunks) => <strong className="break-words">{chunks}</strong> })}
                      {fileNote}
                    </p>
                  }
                  confirmLabel={t("card.removeConfirm")}
                  busyLabel={t("card.removing")}
                  busy={remove.busy}
                  error={remove.message}
                  onConfirm={() => remove.run({ caseId, id: record.id, version: record.version })}
                />
              </>
            )}
          </MoreActions>
        </div>
      </div>
      <div ref={panelBox} id={panelId} hidden={panel === null} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
        {panel === "edit" && <EditRecordForm caseId={caseId} record={record} permissions={permissions} onDone={closePanel} />}
        {panel === "status" && <ChooseStatusForm caseId={caseId} record={record} onMoved={onMoved} onCancel={closePanel} />}
      </div>
    </div>
  );
}
