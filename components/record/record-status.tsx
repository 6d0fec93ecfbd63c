"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { RECORD_STATUSES, RECORD_STATUS_LABELS, type RecordStatus } from "@/lib/record";
import type { RecordView } from "./types";

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
  const router = useRouter();
  const [chosen, setChosen] = useState<RecordStatus>(record.status);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useMutation(trpc.record.setStatus.mutationOptions());
  const next = RECORD_STATUSES[RECORD_STATUSES.indexOf(record.status) + 1];

  const save = (status: RecordStatus) => {
    setError(null);
    setStatus.mutate(
      { caseId, id: record.id, status },
      {
        onSuccess: () => {
          onMoved(record, status);
          router.refresh();
        },
        onError: (e) => setError(actionErrorMessage(e)),
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === record.status) {
      setError(`It is already marked "${RECORD_STATUS_LABELS[chosen].toLowerCase()}".`);
      return;
    }
    save(chosen);
  };

  return (
    <div className="flex flex-col gap-3">
      {next && (
        <div>
          <Button disabled={setStatus.isPending} onClick={() => save(next)}>
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
            setError(null);
          }}
          className="min-w-56"
        />
        <Button type="submit" variant="secondary" disabled={setStatus.isPending}>
          {setStatus.isPending ? "Saving…" : "Save status"}
          <span className="sr-only"> of {record.title}</span>
        </Button>
      </form>
      <InlineError message={error} />
    </div>
  );
}
