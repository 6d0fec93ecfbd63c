"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { RECORD_STATUSES, type RecordStatus } from "@/lib/vocabulary/record";
import type { RecordView } from "@/lib/record";

function isStatus(value: string): value is RecordStatus {
  return (RECORD_STATUSES as readonly string[]).includes(value);
}

/** The card's primary action: moves the record on to its usual next status (none once shared). */
export function MarkNextStatus({
  caseId,
  record,
  onMoved,
}: {
  caseId: string;
  record: RecordView;
  onMoved: (record: RecordView, status: RecordStatus) => void;
}) {
  const t = useTranslations("records.markAs");
  const client = useTRPCClient();
  // The board refreshes the page once the record has moved (it may show its new group whole).
  const setStatus = useCaseMutation(client.record.setStatus.mutate, { refresh: false });
  const next = RECORD_STATUSES[RECORD_STATUSES.indexOf(record.status) + 1];
  if (!next) return null;

  const save = async () => {
    if ((await setStatus.run({ caseId, id: record.id, status: next })).ok) onMoved(record, next);
  };

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button disabled={setStatus.busy} aria-label={t("of", { action: t(next), title: record.title })} onClick={() => void save()}>
          {t(next)}
        </Button>
      </div>
      <InlineError message={setStatus.message} />
    </div>
  );
}

/**
 * Any status, to go back or skip a step: opened from the card's "More actions". `onMoved` lets the
 * list announce the change, since the record changes group.
 */
export function ChooseStatusForm({
  caseId,
  record,
  onMoved,
  onCancel,
}: {
  caseId: string;
  record: RecordView;
  onMoved: (record: RecordView, status: RecordStatus) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("records.statusForm");
  const statuses = useTranslations("records.status");
  const statusesLower = useTranslations("records.statusLower");
  const client = useTRPCClient();
  const [chosen, setChosen] = useState<RecordStatus>(record.status);
  // The board refreshes the page once the record has moved (it may show its new group whole).
  const setStatus = useCaseMutation(client.record.setStatus.mutate, { refresh: false });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen === record.status) {
      setStatus.setMessage(t("already", { status: statusesLower(chosen) }));
      return;
    }
    if ((await setStatus.run({ caseId, id: record.id, status: chosen })).ok) onMoved(record, chosen);
  };

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-wrap items-end gap-3">
        <SelectField
          id={`status-${record.id}`}
          label={t("label")}
          aria-label={t("labelOf", { title: record.title })}
          options={RECORD_STATUSES.map((status) => ({ value: status, label: statuses(status) }))}
          value={chosen}
          onChange={(e) => {
            if (isStatus(e.target.value)) setChosen(e.target.value);
            setStatus.setMessage(null);
          }}
          className="min-w-56"
        />
        <Button type="submit" variant="secondary" disabled={setStatus.busy} aria-label={t("saveOf", { title: record.title })}>
          {setStatus.busy ? t("saving") : t("save")}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </form>
      <InlineError message={setStatus.message} />
    </div>
  );
}
