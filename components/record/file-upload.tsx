"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_FILE_BYTES } from "@/lib/record";
import { formatFileSize } from "./file-size";

/** What the file picker offers; the server decides from the file's bytes, not its name. */
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.heif,.txt";
const MAX_MB = MAX_FILE_BYTES / (1024 * 1024);
type Upload =
  | { state: "idle" }
  | { state: "uploading"; name: string; percent: number }
  | { state: "done"; name: string }
  | { state: "failed"; message: string };

/** The answer to an upload, from the route handler: 201 with the file, or `{ error }`. */
function uploadError(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    if (typeof body.error === "string" && body.error) return body.error;
  } catch {
    // not JSON: fall through
  }
  if (xhr.status === 413) return `That file is larger than ${MAX_MB} MB, the most a file can be. Nothing was saved.`;
  return "Something went wrong on our side and the file was not saved. Please try again in a moment.";
}

/**
 * Adds a file to a record. The bytes go as the request body with XMLHttpRequest, whose upload
 * progress drives a real progress bar; size and emptiness are checked here first, the type (from the
 * file's bytes) by the server, whose message is shown next to the control.
 */
export function FileUpload({ caseId, recordId, recordTitle }: { caseId: string; recordId: string; recordTitle: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const inputId = `file-${recordId}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const failed = upload.state === "failed" ? upload.message : null;

  // Leaving the page stops an upload in flight rather than letting it finish unseen.
  useEffect(() => () => request.current?.abort(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setUpload({ state: "failed", message: "Choose a file first." });
      input.current?.focus();
      return;
    }
    if (file.size === 0) {
      setUpload({ state: "failed", message: `"${file.name}" is empty. Choose another file.` });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setUpload({
        state: "failed",
        message: `"${file.name}" is ${formatFileSize(file.size)}: larger than ${MAX_MB} MB, the most a file can be. Choose a smaller file, or a shorter extract.`,
      });
      return;
    }

    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/api/cases/${caseId}/records/${recordId}/files`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        setUpload({ state: "uploading", name: file.name, percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) });
      }
    };
    xhr.onload = () => {
      request.current = null;
      if (xhr.status === 201) {
        setUpload({ state: "done", name: file.name });
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        setUpload({ state: "failed", message: uploadError(xhr) });
      }
    };
    xhr.onerror = () => {
      request.current = null;
      setUpload({ state: "failed", message: "The upload did not get through. Check your connection and try again." });
    };
    setUpload({ state: "uploading", name: file.name, percent: 0 });
    xhr.send(file);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <label htmlFor={inputId} className="font-semibold">
        Add a file<span className="sr-only"> to {recordTitle}</span>
      </label>
      <p id={hintId} className="text-sm text-muted">
        A PDF, a JPEG, PNG or HEIC/HEIF image, or a plain text (.txt) file, up to {MAX_MB} MB.
      </p>
      {failed && (
        <p id={errorId} role="alert" className="text-sm font-semibold text-danger">
          <span className="sr-only">Error: </span>
          {failed}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPT}
          aria-describedby={failed ? `${hintId} ${errorId}` : hintId}
          aria-invalid={failed ? true : undefined}
          onChange={() => setUpload({ state: "idle" })}
          className="min-h-11 max-w-full text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold file:text-ink"
        />
        <Button type="submit" variant="secondary" disabled={upload.state === "uploading"}>
          {upload.state === "uploading" ? "Uploading…" : "Upload file"}
        </Button>
      </div>
      {upload.state === "uploading" && (
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={`${inputId}-progress`} className="text-sm">
            Uploading {upload.name}
          </label>
          <progress id={`${inputId}-progress`} max={100} value={upload.percent} className="h-3 w-48 max-w-full">
            {upload.percent}%
          </progress>
          <span className="text-sm font-semibold" aria-hidden="true">
            {upload.percent}%
          </span>
        </div>
      )}
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {upload.state === "done" ? `Added ${upload.name}.` : ""}
      </p>
    </form>
  );
}
