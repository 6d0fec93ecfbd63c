"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { serverFieldError } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { ErrorSummary } from "@/components/ui/error-summary";
import { InlineError } from "@/components/ui/inline-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useReturnFocus } from "@/components/ui/use-return-focus";

type Props = {
  caseId: string;
  title: string;
  archived: boolean;
  /** Current members other than the owner: who ownership can go to. */
  otherMembers: { id: string; name: string }[];
};

/** The owner's case settings: archive, hand over ownership, delete. */
export function CaseSettings({ caseId, title, archived, otherMembers }: Props) {
  return (
    <div className="flex flex-col gap-6">
      <ArchiveSetting caseId={caseId} archived={archived} />
      <TransferOwnership caseId={caseId} otherMembers={otherMembers} />
      <DeleteCase caseId={caseId} title={title} />
    </div>
  );
}

function SettingBlock({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h3 id={id} className="text-xl font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function ArchiveSetting({ caseId, archived }: { caseId: string; archived: boolean }) {
  const client = useTRPCClient();
  const setArchived = useCaseMutation(client.case.setArchived.mutate);
  const t = useTranslations("cases.settings");
  const common = useTranslations("common");
  return (
    <SettingBlock id="archive-title" title={archived ? t("archived") : t("archive")}>
      <p>{archived ? t("archivedBody") : t("archiveBody")}</p>
      <div>
        <Button variant="secondary" disabled={setArchived.busy} onClick={() => void setArchived.run({ caseId, archived: !archived })}>
          {setArchived.busy ? common("saving") : archived ? t("unarchiveButton") : t("archiveButton")}
        </Button>
      </div>
      <InlineError message={setArchived.message} />
    </SettingBlock>
  );
}

function TransferOwnership({ caseId, otherMembers }: { caseId: string; otherMembers: Props["otherMembers"] }) {
  const client = useTRPCClient();
  const t = useTranslations("cases.settings");
  const [memberId, setMemberId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const submit = useRef<HTMLButtonElement>(null);
  useReturnFocus(confirming, submit);
  // Not <ConfirmAction>: the choice is checked before the question, and the question replaces the whole form.
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const transfer = useCaseMutation(client.case.transferOwnership.mutate);
  const error = choiceError ?? transfer.message;
  const chosen = otherMembers.find((m) => m.id === memberId);

  if (otherMembers.length === 0) {
    return (
      <SettingBlock id="transfer-title" title={t("transferTitle")}>
        <p className="text-muted">{t("transferNoMembers")}</p>
      </SettingBlock>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChoiceError(null);
    transfer.setMessage(null);
    if (!chosen) {
      setChoiceError(t("transferChoose"));
      return;
    }
    setConfirming(true);
  };

  const onConfirm = async () => {
    if (!chosen) return;
    await transfer.run({ caseId, memberId: chosen.id });
    setConfirming(false);
  };

  return (
    <SettingBlock id="transfer-title" title={t("transferTitle")}>
      <p>{t("transferBody")}</p>
      {confirming && chosen ? (
        <ConfirmStep
          question={<p>{t.rich("transferQuestion", { name: chosen.name, strong: (words) => <strong>{words}</strong> })}</p>}
          confirmLabel={t("transferConfirm", { name: chosen.name })}
          busyLabel={t("transferBusy")}
          busy={transfer.busy}
          onConfirm={() => void onConfirm()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
          <SelectField
            id="transfer-member"
            label={t("newOwner")}
            options={[{ value: "", label: t("chooseMember") }, ...otherMembers.map((m) => ({ value: m.id, label: m.name }))]}
            value={memberId}
            onChange={(e) => setMemberId(e.target.value)}
            error={error ?? undefined}
            className="min-w-56"
          />
          <Button ref={submit} type="submit" variant="secondary">
            {t("transferButton")}
          </Button>
        </form>
      )}
    </SettingBlock>
  );
}

function DeleteCase({ caseId, title }: { caseId: string; title: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const t = useTranslations("cases.settings");
  const [typed, setTyped] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  // The case is gone afterwards: no refresh of its page, straight to My cases.
  const remove = useCaseMutation(client.case.delete.mutate, { refresh: false });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    remove.setMessage(null);
    if (typed.trim() !== title) {
      setFieldError(t("deleteTypeTitle"));
      return;
    }
    const deleted = await remove.run({ caseId, confirmTitle: typed });
    if (deleted.ok) {
      router.push("/cases");
      router.refresh();
      return;
    }
    // The title is this form's one field: the server's word on it goes next to it, not in the summary.
    const titleError = serverFieldError(deleted.error, "confirmTitle");
    if (titleError) {
      setFieldError(titleError);
      remove.setMessage(null);
    }
  };

  const summary = [
    ...(fieldError ? [{ fieldId: "delete-confirm-title", message: fieldError }] : []),
    ...(remove.message ? [{ message: remove.message }] : []),
  ];

  return (
    <SettingBlock id="delete-title" title={t("deleteTitle")}>
      <p>{t("deleteBody")}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
        <ErrorSummary errors={summary} />
        <TextField
          id="delete-confirm-title"
          label={t("deleteLabel", { title })}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={fieldError ?? undefined}
        />
        <div>
          <Button type="submit" variant="danger" disabled={remove.busy || remove.succeeded}>
            {remove.busy || remove.succeeded ? t("deleting") : t("deleteButton")}
          </Button>
        </div>
      </form>
    </SettingBlock>
  );
}
