"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { RecordStatus } from "@/lib/vocabulary/record";
import type { RecordView } from "@/lib/record";
import { RecordCard } from "./record-card";
import { showingWhole, type RecordGroup } from "./record-groups";
import type { RecordFileShown, RecordPermissions } from "./types";

/** Where focus goes once the page has the new data: a moved record, or the first record a group gained. */
type Follow = { status: RecordStatus } & ({ id: string } | { index: number });

/**
 * The records grouped by status, a long group's first records only until the rest are asked for (the
 * page's `?show=`, so the server sends only what is shown). When a record changes status it moves to
 * another group: the change is announced, that group is shown whole, and focus follows the record to
 * its new place once the page has the new data.
 */
export function RecordsBoard({
  caseId,
  groups,
  whole,
  filesByRecord,
  permissions,
}: {
  caseId: string;
  groups: RecordGroup[];
  /** The groups shown whole. */
  whole: RecordStatus[];
  filesByRecord: Record<string, RecordFileShown[]>;
  permissions: RecordPermissions;
}) {
  const t = useTranslations("records.board");
  const statuses = useTranslations("records.status");
  const router = useRouter();
  const [announcement, setAnnouncement] = useState("");
  const [loading, startLoading] = useTransition();
  const follow = useRef<Follow | null>(null);

  useEffect(() => {
    const target = follow.current;
    if (!target) return;
    const group = document.querySelector(`[data-status="${target.status}"]`);
    const element = "id" in target ? document.getElementById(`record-${target.id}`) : group?.querySelectorAll("article[id^='record-']")[target.index];
    // The refreshed page has it in its new group once its card is rendered there.
    if (element instanceof HTMLElement && group?.contains(element)) {
      follow.current = null;
      element.focus();
    }
  }, [groups]);

  /** Asks the server for the whole group (or, already whole, for the page as it is now). */
  const showWhole = (status: RecordStatus) =>
    startLoading(() => (whole.includes(status) ? router.refresh() : router.replace(`/cases/${caseId}/records?show=${showingWhole(whole, status)}`, { scroll: false })));

  const onMoved = (record: RecordView, status: RecordStatus) => {
    follow.current = { id: record.id, status };
    showWhole(status); // wherever it lands in its new group, its card is there to take focus
    setAnnouncement(t("moved", { title: record.title, status: statuses(status) }));
  };

  return (
    <div className="flex flex-col gap-8">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {groups.map(({ status, records, total }) => {
        const more = total - records.length;
        const headingId = `records-${status}`;
        return (
          <section key={status} aria-labelledby={headingId} data-status={status} className="flex flex-col gap-3">
            <h2 id={headingId} className="text-2xl font-semibold">
              {statuses(status)}
            </h2>
            {total === 0 ? (
              <p className="text-muted">{t(`empty.${status}`)}</p>
            ) : (
              <ul className="flex flex-col gap-4">
                {records.map((record) => (
                  <li key={record.id}>
                    <RecordCard
                      caseId={caseId}
                      record={record}
                      files={filesByRecord[record.id] ?? []}
                      permissions={permissions}
                      onMoved={onMoved}
                    />
                  </li>
                ))}
              </ul>
            )}
            {more > 0 && (
              <Button
                variant="secondary"
                className="self-start"
                aria-busy={loading}
                onClick={() => {
                  if (loading) return;
                  follow.current = { status, index: records.length }; // the first record that appears
                  showWhole(status);
                }}
              >
                {loading ? t("loadingMore") : t("showMore", { count: more })}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
