"use client";
import { useEffect, useRef, useState } from "react";
import { RECORD_STATUSES, RECORD_STATUS_LABELS, type RecordStatus } from "@/lib/vocabulary/record";
import type { RecordFileView, RecordView } from "@/lib/record";
import { RecordCard } from "./record-card";
import type { RecordPermissions } from "./types";

const EMPTY_GROUP: Record<RecordStatus, string> = {
  needed: "Nothing is waiting to be asked for.",
  requested: "Nothing is waiting to arrive.",
  received: "Nothing received yet.",
  shared: "Nothing shared with the second-opinion clinician yet.",
};

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
  const [announcement, setAnnouncement] = useState("");
  const followRecord = useRef<string | null>(null);

  useEffect(() => {
    const id = followRecord.current;
    if (!id) return;
    const element = document.getElementById(`record-${id}`);
    // The refreshed list has it in its new group when its card was rendered again.
    if (element && element.closest(`[data-status="${records.find((r) => r.id === id)?.status}"]`)) {
      followRecord.current = null;
      element.focus();
    }
  }, [records]);

  const onMoved = (record: RecordView, status: RecordStatus) => {
    followRecord.current = record.id;
    setAnnouncement(`"${record.title}" is now under ${RECORD_STATUS_LABELS[status]}.`);
  };

  return (
    <div className="flex flex-col gap-8">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {RECORD_STATUSES.map((status) => {
        const group = records.filter((r) => r.status === status);
        const headingId = `records-${status}`;
        return (
          <section key={status} aria-labelledby={headingId} data-status={status} className="flex flex-col gap-3">
            <h2 id={headingId} className="text-2xl font-semibold">
              {RECORD_STATUS_LABELS[status]}
            </h2>
            {group.length === 0 ? (
              <p className="text-muted">{EMPTY_GROUP[status]}</p>
            ) : (
              <ul className="flex flex-col gap-4">
                {group.map((record) => (
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
          </section>
        );
      })}
    </div>
  );
}
