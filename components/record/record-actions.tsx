"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { MoreActions } from "@/components/ui/more-actions";
import { onDemand } from "@/components/ui/on-demand";
import type { RecordStatus } from "@/lib/vocabulary/record";
import type { RecordView } from "@/lib/record";
import { ChooseStatusForm, MarkNextStatus } from "./record-status";
import type { RecordPermissions } from "./types";

// Loaded when opened: react-hook-form and the form stay out of the page's first load (decision 0023).
const EditRecordForm = onDemand(() => import("./edit-record-form").then((m) => m.EditRecordForm));

type Panel = "edit" | "status" | null;

/**
 * The card's one primary action (the record's next status) and, behind "More actions", the rest:
 * edit details, another status, remove. The panel an action opens sits below; closing it hands focus
 * back to the "More actions" button.
 */
export function RecordActions({
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
  const t = useTranslations("records.card");
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

  const fileNote = record.fileCount > 0 ? ` ${t("removeFiles", { count: record.fileCount })}` : "";

  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <MarkNextStatus caseId={caseId} record={record} onMoved={onMoved} />
        {/* Last in the row and pushed to the far side: nothing destructive sits beside the primary action. */}
        <div ref={more} className="ml-auto">
          <MoreActions label={t("moreActions", { title: record.title })}>
            {(close) => (
              <>
                <Button
                  variant="secondary"
                  className="w-full justify-start"
                  aria-controls={panelId}
                  aria-label={t("editDetailsOf", { title: record.title })}
                  onClick={() => {
                    close();
                    setPanel("edit");
                  }}
                >
                  {t("editDetails")}
                </Button>
                <Button
                  variant="secondary"
                  className="w-full justify-start"
                  aria-controls={panelId}
                  aria-label={t("changeStatusOf", { title: record.title })}
                  onClick={() => {
                    close();
                    setPanel("status");
                  }}
                >
                  {t("changeStatus")}
                </Button>
                <ConfirmAction
                  label={t.rich("remove", { title: record.title, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                  danger
                  question={
                    <p>
                      {t.rich("removeQuestion", { title: record.title, strong: (chunks) => <strong className="break-words">{chunks}</strong> })}
                      {fileNote}
                    </p>
                  }
                  confirmLabel={t("removeConfirm")}
                  busyLabel={t("removing")}
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
