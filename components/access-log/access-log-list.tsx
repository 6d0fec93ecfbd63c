import { LocalDate } from "@/components/ui/local-date";
import type { AccessLogEntry } from "@/lib/access-log";
import { ACCESS_KIND_NAMES } from "@/lib/vocabulary/access-log";
import { SECTION_LABELS } from "@/lib/vocabulary/live";

const KIND_STYLE: Record<AccessLogEntry["kind"], string> = {
  change: "border-slate-300",
  view: "border-brand-600",
  download: "border-caution",
  export: "border-caution",
};

/** One entry in words: "Sid Supporter opened Questions (3 times)", "… downloaded a file: scan.pdf". */
function EntryText({ entry }: { entry: AccessLogEntry }) {
  const who = entry.actorName ?? "A former member";
  const section = SECTION_LABELS[entry.section];
  if (entry.kind === "view") {
    return (
      <>
        <strong>{who}</strong> opened <strong>{section}</strong>
        {/* Page loads, live refreshes included, so not a count of deliberate visits: only "more than once". */}
        {entry.count > 1 && <> (more than once, until <LocalDate date={entry.lastAt} withTime />)</>}
      </>
    );
  }
  return (
    <>
      <strong>{who}</strong> {entry.label}
      {entry.entityType === "file" && (
        <>: {entry.fileName ? <span className="break-all">{entry.fileName}</span> : <em>a file since removed</em>}</>
      )}{" "}
      <span className="text-muted">({section})</span>
    </>
  );
}

/** The log's entries, newest first, each with its time and kind. */
export function AccessLogList({ entries }: { entries: AccessLogEntry[] }) {
  return (
    <ol className="flex flex-col gap-2">
      {entries.map((entry) => (
        <li key={entry.id} className={`rounded-lg border border-l-4 border-slate-200 bg-white px-4 py-3 ${KIND_STYLE[entry.kind]}`}>
          <p className="text-sm text-muted">
            <LocalDate date={entry.at} withTime /> · {ACCESS_KIND_NAMES[entry.kind]}
          </p>
          <p className="break-words">
            <EntryText entry={entry} />
          </p>
        </li>
      ))}
    </ol>
  );
}
