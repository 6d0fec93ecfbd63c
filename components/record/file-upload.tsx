"use client";
import { Camera, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { useMessageText } from "@/components/i18n/use-message-text";
import { FILE_INPUT_ACCEPT, fileChoiceProblem, MAX_FILE_BYTES } from "@/lib/vocabulary/record-file";
import type { RecordsPartT } from "./types";

const MAX_MB = MAX_FILE_BYTES / (1024 * 1024);
/** Two at a time: a phone on a weak signal gets each file through sooner than with all at once. */
const AT_ONCE = 2;

type UploadState =
  | { state: "waiting" }
  | { state: "uploading"; percent: number }
  | { state: "done" }
  | { state: "failed"; message: string }
  | { state: "cancelled" };

type UploadItem = { id: number; name: string } & UploadState;

/** The answer to an upload, from the route handler: 201 with the file, or `{ error }`. */
function uploadError(xhr: XMLHttpRequest, t: RecordsPartT<"upload">): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    if (typeof body.error === "string" && body.error) return body.error;
  } catch {
    // not JSON: fall through
  }
  if (xhr.status === 413) return t("tooLarge", { max: MAX_MB });
  return t("failed");
}

let nextId = 0;

/**
 * Adds files to a record in one step: choosing files (or taking a photo) starts uploading them, two
 * at a time, each with its own progress bar and Cancel. The bytes go as the request body with
 * XMLHttpRequest, whose upload progress drives the bar (fetch has none). Emptiness, size and type are
 * checked here first and again by the server, which decides the type from the bytes; a refusal shows
 * next to that file and the others carry on. The server stores a file only once all of it has
 * arrived, so a cancelled or broken upload leaves nothing behind.
 */
export function FileUpload({ caseId, recordId, recordTitle }: { caseId: string; recordId: string; recordTitle: string }) {
  const t = useTranslations("records.upload");
  // The browser's own checks give message references (lib/vocabulary/record.ts); the server's answers are words already.
  const words = useMessageText();
  const router = useRouter();
  const [items, setItems] = useState<UploadItem[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const waiting = useRef<{ id: number; file: File }[]>([]);
  const running = useRef(new Map<number, XMLHttpRequest>());
  const hintId = `files-${recordId}-hint`;

  // Leaving the page stops uploads in flight rather than letting them finish unseen.
  useEffect(() => {
    const inFlight = running.current;
    return () => {
      waiting.current = [];
      for (const xhr of inFlight.values()) xhr.abort();
    };
  }, []);

  const update = (id: number, state: UploadState) =>
    setItems((all) => all.map((item) => (item.id === id ? { id, name: item.name, ...state } : item)));

  const finish = (id: number, state: UploadState, said: string) => {
    running.current.delete(id);
    update(id, state);
    setAnnouncement(said);
    startWaiting();
  };

  const send = (id: number, file: File) => {
    const xhr = new XMLHttpRequest();
    running.current.set(id, xhr);
    xhr.open("POST", `/api/cases/${caseId}/records/${recordId}/files`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        update(id, { state: "uploading", percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) });
      }
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        finish(id, { state: "done" }, t("addedFile", { name: file.name }));
        router.refresh();
      } else {
        const message = uploadError(xhr, t);
        finish(id, { state: "failed", message }, "");
      }
    };
    xhr.onerror = () =>
      finish(id, { state: "failed", message: t("noConnection") }, "");
    xhr.onabort = () => finish(id, { state: "cancelled" }, t("cancelledFile", { name: file.name }));
    update(id, { state: "uploading", percent: 0 });
    xhr.send(file);
  };

  function startWaiting() {
    while (running.current.size < AT_ONCE) {
      const first = waiting.current.shift();
      if (!first) return;
      send(first.id, first.file);
    }
  }

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // so the same file can be chosen again
    if (files.length === 0) return;
    const chosen = files.map((file) => ({ id: nextId++, file, problem: fileChoiceProblem(file) }));
    // Finished rows from an earlier choice give way to the new ones; those still going stay.
    setItems((all) => [
      ...all.filter((item) => item.state === "waiting" || item.state === "uploading"),
      ...chosen.map(({ id, file, problem }): UploadItem =>
        problem ? { id, name: file.name, state: "failed", message: words(problem) } : { id, name: file.name, state: "waiting" },
      ),
    ]);
    setAnnouncement("");
    waiting.current.push(...chosen.filter((c) => !c.problem).map(({ id, file }) => ({ id, file })));
    startWaiting();
  };

  const cancel = (id: number) => {
    const xhr = running.current.get(id);
    if (xhr) {
      xhr.abort(); // onabort marks it cancelled and starts the next
      return;
    }
    const name = items.find((item) => item.id === id)?.name ?? t("theFile");
    waiting.current = waiting.current.filter((w) => w.id !== id);
    update(id, { state: "cancelled" });
    setAnnouncement(t("cancelledFile", { name }));
  };

  // A label styled as a button around a visually hidden input: the whole button opens the picker.
  const picker = buttonClasses("secondary", "cursor-pointer has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-[#1d4ed8]");

  return (
    <div className="flex flex-col gap-3">
      <p id={hintId} className="text-sm text-muted">
        {t("hint", { max: MAX_MB })}
      </p>
      <div className="flex flex-wrap gap-3">
        <label className={picker}>
          <input
            type="file"
            multiple
            accept={FILE_INPUT_ACCEPT}
            aria-label={t("chooseFor", { title: recordTitle })}
            aria-describedby={hintId}
            onChange={onChoose}
            className="sr-only"
          />
          <Upload aria-hidden className="size-5" />
          {t("choose")}
        </label>
        {/* `capture` opens the phone's camera straight away, for a photo of a paper record; elsewhere it picks an image. */}
        <label className={picker}>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            aria-label={t("photoFor", { title: recordTitle })}
            onChange={onChoose}
            className="sr-only"
          />
          <Camera aria-hidden className="size-5" />
          {t("photo")}
        </label>
      </div>
      {items.length > 0 && (
        <ul aria-label={t("list", { title: recordTitle })} className="flex flex-col gap-2">
          {items.map((item) => (
            <UploadRow key={item.id} item={item} onCancel={() => cancel(item.id)} />
          ))}
        </ul>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function UploadRow({ item, onCancel }: { item: UploadItem; onCancel: () => void }) {
  const t = useTranslations("records.upload");
  const going = item.state === "waiting" || item.state === "uploading";
  const percent = item.state === "uploading" ? item.percent : 0;
  return (
    <li className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <span className="min-w-0 break-all font-semibold">{item.name}</span>
        {going && (
          <Button variant="secondary" aria-label={t("cancelOf", { name: item.name })} onClick={onCancel}>
            {t("cancel")}
          </Button>
        )}
      </div>
      {going && (
        <div className="flex items-center gap-3">
          <progress aria-label={t("uploading", { name: item.name })} max={100} value={percent} className="h-3 w-full max-w-64">
            {t("percent", { percent })}
          </progress>
          <span className="text-sm font-semibold" aria-hidden="true">
            {item.state === "waiting" ? t("waiting") : t("percent", { percent })}
          </span>
        </div>
      )}
      {item.state === "done" && <p className="text-sm font-semibold text-brand-700">{t("done")}</p>}
      {item.state === "cancelled" && <p className="text-sm">{t("cancelled")}</p>}
      {item.state === "failed" && (
        <p role="alert" className="text-sm font-semibold text-danger">
          <span className="sr-only">{t("errorWith", { name: item.name })}</span>
          {item.message}
        </p>
      )}
    </li>
  );
}
