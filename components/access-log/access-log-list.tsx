import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import type { AccessLogEntry } from "@/lib/access-log";

const KIND_STYLE: Record<AccessLogEntry["kind"], string> = {
  change: "border-slate-300",
  view: "border-brand-600",
  download: "border-caution",
  export: "border-caution",
};

/** One entry in words: "Sid Supporter opened Questions (3 times)", "… downloaded a file: scan.pdf". */
function EntryText({ entry }: { entry: AccessLogEntry }) {
  const t = useTranslations("sharing.accessLog");
  const common = useTranslations("common");
  const who = entry.actorName ?? common("formerMember");
  const sections = useTranslations("cases.sections");
  const section = sections(entry.section);
  const strong = (words: ReactNode) => <strong>{words}</strong>;
  if (entry.kind === "view") {
    return (
      <>
        {t.rich("opened", { who, section, strong })}
        {/* Page loads, live refreshes included, so not a count of deliberate visits: only "more than once". */}
        {entry.count > 1 && t.rich("openedMore", { date: () => <LocalDate date={entry.lastAt} withTime /> })}
      </>
    );
  }
  return (
    <>
      <strong>{who}</strong> {entry.label}
      {entry.entityType === "file" && (
        <>: {entry.fileName ? <span className="break-all">{entry.fileName}</span> : <em>{t("fileRemoved")}</em>}</>
      )}{" "}
      <span className="text-muted">({section})</span>
    </>
  );
}

/** The log's entries, newest first, each with its time and kind. */
export function AccessLogList({ entries }: { entries: AccessLogEntry[] }) {
  const t = useTranslations("sharing.accessLog");
  return (
    <ol className="flex flex-col gap-2">
      {entries.map((entry) => (
        <li key={entry.id} className={`rounded-lg border border-l-4 border-slate-200 bg-white px-4 py-3 ${KIND_STYLE[entry.kind]}`}>
          <p className="text-sm text-muted">
            <LocalDate date={entry.at} withTime /> · {t(`kindNames.${entry.kind}`)}
          </p>
          <p className="break-words">
            <EntryText entry={entry} />
          </p>
        </li>
      ))}
    </ol>
  );
}
