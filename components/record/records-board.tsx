"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { RECORD_STATUSES, type RecordStatus } from "@/lib/vocabulary/record";
import type { RecordFileView, RecordView } from "@/lib/record";
import { RecordCard } from "./record-card";
import type { RecordPermissions } from "./types";

/** A long group shows its first records and the rest on request: a phone (and the server) renders less. */
const FIRST_IN_GROUP = 10;

/**
 * The records grouped by status. When a record changes status it moves to another group: the change
 * is announced, and focus follows the record to its new place once the page has the new data.
 */
export function RecordsBoard({
  caseId,
  records,
  filesByRecord,
  permissions,
}: {
  caseId: string;
  records: RecordView[];
  filesByRecord: Record<string, RecordFileView[]>;
  permissions: RecordPermissions;
}) {
  const t = useTranslations("records");
  const [announcement, setAnnouncement] = useState("");
  const [expanded, setExpanded] = useState<ReadonlySet<RecordStatus>>(new Set());
  // The record focus should follow, and the group it should be found in.
  const followRecord = useRef<{ id: string; status: RecordStatus } | null>(null);
  const expand = (status: RecordStatus) => setExpanded((was) => new Set(was).add(status));

  useEffect(() => {
    const follow = followRecord.current;
    if (!follow) return;
    const element = document.getElementById(`record-${follow.id}`);
    // The refreshed list has it in its new group when its card was rendered again.
    if (element && element.closest(`[data-status="${follow.status}"]`)) {
      followRecord.current = null;
      element.focus();
    }
  }, [records, expanded]);

  const onMoved = (record: RecordView, status: RecordStatus) => {
    followRecord.current = { id: record.id, status };
    expand(status); // wherever it lands in its new group, its card is there to take focus
    setAnnouncement(t("board.moved", { title: record.title, status: t(`status.${status}`) }));
  };

  return (
    <div className="flex flex-col gap-8">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {RECORD_STATUSES.map((status) => {
        const group = records.filter((r) => r.status === status);
        const shown = expanded.has(status) ? group : group.slice(0, FIRST_IN_GROUP);
        const more = group.length - shown.length;
        const headingId = `records-${status}`;
        return (
          <section key={status} aria-labelledby={headingId} data-status={status} className="flex flex-col gap-3">
            <h2 id={headingId} className="text-2xl font-semibold">
              {t(`status.${status}`)}
            </h2>
            {group.length === 0 ? (
              <p className="text-muted">{t(`board.empty.${status}`)}</p>
            ) : (
              <ul className="flex flex-col gap-4">
                {shown.map((record) => (
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
                onClick={() => {
                  // Focus goes to the first record that appears.
                  const first = group[shown.length];
                  followRecord.current = first ? { id: first.id, status } : null;
                  expand(status);
                }}
              >
                {t("board.showMore", { count: more })}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
