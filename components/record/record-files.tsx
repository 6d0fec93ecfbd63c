"use client";
import { useTranslations } from "next-intl";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { MoreActions } from "@/components/ui/more-actions";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ALLOWED_FILE_TYPES } from "@/lib/vocabulary/record-file";
import { formatFileSize } from "./file-size";
import type { RecordFileShown, RecordsPartT } from "./types";

/** The kind of file, by its format's name ("PDF", "PNG"); plain text and anything else in words. */
function typeLabel(mediaType: string, t: RecordsPartT<"files">): string {
  if (mediaType === "text/plain") return t("plainText");
  return ALLOWED_FILE_TYPES.find((type) => type.mediaType === mediaType)?.label ?? t("file");
}

/** A record's files: each downloads through the authorized route; its uploader or the owner may remove it. */
export function RecordFiles({ caseId, files, canEdit }: { caseId: string; files: RecordFileShown[]; canEdit: boolean }) {
  const t = useTranslations("records.files");
  if (files.length === 0) return <p className="text-muted">{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {files.map((file) => (
        <FileItem key={file.id} caseId={caseId} file={file} canRemove={canEdit && file.canDelete} />
      ))}
    </ul>
  );
}

function FileItem({ caseId, file, canRemove }: { caseId: string; file: RecordFileShown; canRemove: boolean }) {
  const t = useTranslations("records.files");
  const client = useTRPCClient();
  const remove = useCaseMutation(client.file.delete.mutate);
  const date = () => <LocalDate date={file.createdAt} />;

  return (
    <li className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          {/* A plain link: the route answers with an attachment, so the browser downloads it. */}
          <a href={file.downloadPath} className="break-all font-semibold">
            {file.name}
            <span className="sr-only">{t("download")}</span>
          </a>{" "}
          <span className="text-muted">
            {t("typeAndSize", { type: typeLabel(file.mediaType, t), size: formatFileSize(file.size, t) })}
          </span>
          <p className="text-sm text-muted">
            {file.uploadedByName
              ? t.rich("addedBy", { name: file.uploadedByName, date })
              : t.rich("addedByFormer", { date })}
          </p>
        </div>
        {/* Removing is secondary to downloading: behind the file's own "More actions". */}
        {canRemove && (
          <MoreActions label={t("moreActions", { name: file.name })}>
            <ConfirmAction
              label={t.rich("remove", { name: file.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
              danger
              question={
                <p>{t.rich("removeQuestion", { name: file.name, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}</p>
              }
              confirmLabel={t("removeConfirm")}
              busyLabel={t("removing")}
              busy={remove.busy}
              error={remove.message}
              onConfirm={() => remove.run({ caseId, fileId: file.id })}
            />
          </MoreActions>
        )}
      </div>
    </li>
  );
}
