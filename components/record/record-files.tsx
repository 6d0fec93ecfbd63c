"use client";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { MoreActions } from "@/components/ui/more-actions";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ALLOWED_FILE_TYPES } from "@/lib/vocabulary/record";
import type { RecordFileView } from "@/lib/record";
import { formatFileSize } from "./file-size";

const typeLabel = (mediaType: string) => ALLOWED_FILE_TYPES.find((t) => t.mediaType === mediaType)?.label ?? "file";

/** A record's files: each downloads through the authorized route; its uploader or the owner may remove it. */
export function RecordFiles({ caseId, files, canEdit }: { caseId: string; files: RecordFileView[]; canEdit: boolean }) {
  if (files.length === 0) return <p className="text-muted">No files added yet.</p>;
  return (
    <ul className="flex flex-col gap-2">
      {files.map((file) => (
        <FileItem key={file.id} caseId={caseId} file={file} canRemove={canEdit && file.canDelete} />
      ))}
    </ul>
  );
}

function FileItem({ caseId, file, canRemove }: { caseId: string; file: RecordFileView; canRemove: boolean }) {
  const client = useTRPCClient();
  const remove = useCaseMutation(client.file.delete.mutate);

  return (
    <li className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          {/* A plain link: the route answers with an attachment, so the browser downloads it. */}
          <a href={file.downloadPath} className="break-all font-semibold">
            {file.name}
            <span className="sr-only">, download</span>
          </a>{" "}
          <span className="text-muted">
            ({typeLabel(file.mediaType)}, {formatFileSize(file.size)})
          </span>
          <p className="text-sm text-muted">
            Added by {file.uploadedByName ?? "a former member"} on <LocalDate date={file.createdAt} />
          </p>
        </div>
        {/* Removing is secondary to downloading: behind the file's own "More actions". */}
        {canRemove && (
          <MoreActions label={`More actions: ${file.name}`}>
            <ConfirmAction
              label={
                <>
                  Remove<span className="sr-only"> the file {file.name}</span>
                </>
              }
              danger
              question={
                <p>
                  Remove the file <strong className="break-all">{file.name}</strong>? It is deleted for everyone in the case.
                </p>
              }
              confirmLabel="Yes, remove the file"
              busyLabel="Removing…"
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
