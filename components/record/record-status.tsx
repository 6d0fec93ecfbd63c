"use client";
import { useState, type FormEvent } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { RECORD_STATUSES, RECORD_STATUS_LABELS, type RecordStatus, type RecordView } from "@/lib/record";

/** The button's words for moving a record on to each status. */
const MARK_AS: Record<RecordStatus, string> = {
  needed: "Mark as still needed",
  requested: "Mark as requested",
  received: "Mark as received",
  shared: "Mark as shared with the clinician",
};

const STATUS_OPTIONS = RECORD_STATUSES.map((status) => ({ value: status, label: RECORD_STATUS_LABELS[status] }));

function isStatus(value: string): value is RecordStatus {
  return (RECORD_STATUSES as readonly string[]).includes(value);
}

/**
 * Moves a record along: one button for the usual next step, and a choice of any status (to go back,
 * or skip a step). `onMoved` lets the list announce the change, since the record changes group.
 */
export function RecordStatusControl({
  caseId,
  record,
  onMoved,
}: {
  caseId: string;
  record: RecordView;
  onMoved: (record: RecordView, status: RecordStatus) => void;
}) {
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<RecordStatus>(record.status);
  const setStatus = useCaseMutation(trpc.record.setStatus.mutationOptions());
  const next = RECORD_STATUSES[RECORD_STATUSES.indexOf(record.status) + 1];

  const save = async (status: RecordStatus) => {
    if ((await setStatus.run({ caseId, id: record.id, status })).ok) onMoved(record, status);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === record.status) {
      setStatus.setMessage(`It is already marked "${RECORD_STATUS_LABELS[chosen].toLowerCase()}".`);
      return;
    }
    void save(chosen);
  };

  return (
    <div className="flex flex-col gap-3">
      {next && (
        <div>
          <Button disabled={setStatus.busy} onClick={() => void save(next)}>
            {MARK_AS[next]}
            <span className="sr-only">: {record.title}</span>
          </Button>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <SelectField
          id={`status-${record.id}`}
          label="Status"
          aria-label={`Status of ${record.title}`}
          options={STATUS_OPTIONS}
          value={chosen}
          onChange={(e) => {
            if (isStatus(e.target.value)) setChosen(e.target.value);
            setStatus.setMessage(null);
          }}
          className="min-w-56"
        />
        <Button type="submit" variant="secondary" disabled={setStatus.busy}>
          {setStatus.busy ? "Saving…" : "Save status"}
          <span className="sr-only"> of {record.title}</span>
        </Button>
      </form>
      <InlineError message={setStatus.message} />
    </div>
  );
}
