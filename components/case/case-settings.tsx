"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { actionErrorMessage, serverFieldError } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { InlineError } from "@/components/ui/inline-error";

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
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const setArchived = useMutation(trpc.case.setArchived.mutationOptions());
  const onClick = () => {
    setError(null);
    setArchived.mutate(
      { caseId, archived: !archived },
      { onSuccess: () => router.refresh(), onError: (e) => setError(actionErrorMessage(e)) },
    );
  };
  return (
    <SettingBlock id="archive-title" title={archived ? "Archived" : "Archive"}>
      <p>
        {archived
          ? "This case is archived. Bring it back to list it with your current cases again."
          : "When the decision is made, you can archive the case. Nothing is deleted and you can bring it back at any time."}
      </p>
      <div>
        <Button variant="secondary" disabled={setArchived.isPending} onClick={onClick}>
          {setArchived.isPending ? "Saving…" : archived ? "Bring back from the archive" : "Archive this case"}
        </Button>
      </div>
      <InlineError message={error} />
    </SettingBlock>
  );
}

function TransferOwnership({ caseId, otherMembers }: { caseId: string; otherMembers: Props["otherMembers"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [memberId, setMemberId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const submit = useRef<HTMLButtonElement>(null);
  useReturnFocus(confirming, submit);
  const [error, setError] = useState<string | null>(null);
  const transfer = useMutation(trpc.case.transferOwnership.mutationOptions());
  const chosen = otherMembers.find((m) => m.id === memberId);

  if (otherMembers.length === 0) {
    return (
      <SettingBlock id="transfer-title" title="Hand over ownership">
        <p className="text-muted">
          You can make another member the owner, for example if someone else will manage the case. Invite them first:
          ownership can only go to a current member.
        </p>
      </SettingBlock>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!chosen) {
      setError("Choose who should become the owner.");
      return;
    }
    setConfirming(true);
  };

  const onConfirm = () => {
    if (!chosen) return;
    transfer.mutate(
      { caseId, memberId: chosen.id },
      {
        onSuccess: () => {
          setConfirming(false);
          router.refresh();
        },
        onError: (e) => {
          setError(actionErrorMessage(e));
          setConfirming(false);
        },
      },
    );
  };

  return (
    <SettingBlock id="transfer-title" title="Hand over ownership">
      <p>
        The new owner can do everything you can now. You stay in the case as a supporter, and can no longer invite
        people, change roles or delete the case.
      </p>
      {confirming && chosen ? (
        <ConfirmStep
          question={
            <p>
              Make <strong>{chosen.name}</strong> the owner of this case? You will become a supporter.
            </p>
          }
          confirmLabel={`Yes, make ${chosen.name} the owner`}
          busyLabel="Handing over…"
          busy={transfer.isPending}
          onConfirm={onConfirm}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
          <SelectField
            id="transfer-member"
            label="New owner"
            options={[{ value: "", label: "Choose a member" }, ...otherMembers.map((m) => ({ value: m.id, label: m.name }))]}
            value={memberId}
            onChange={(e) => setMemberId(e.target.value)}
            error={error ?? undefined}
            className="min-w-56"
          />
          <Button ref={submit} type="submit" variant="secondary">
            Hand over ownership
          </Button>
        </form>
      )}
    </SettingBlock>
  );
}

function DeleteCase({ caseId, title }: { caseId: string; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const remove = useMutation(trpc.case.delete.mutationOptions());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    setFormMessage(null);
    if (typed.trim() !== title) {
      setFieldError("Type the case title exactly as shown to confirm.");
      return;
    }
    remove.mutate(
      { caseId, confirmTitle: typed },
      {
        onSuccess: () => {
          router.push("/cases");
          router.refresh();
        },
        onError: (e) => {
          const titleError = serverFieldError(e, "confirmTitle");
          if (titleError) setFieldError(titleError);
          else setFormMessage(actionErrorMessage(e));
        },
      },
    );
  };

  const summary = [
    ...(fieldError ? [{ fieldId: "delete-confirm-title", message: fieldError }] : []),
    ...(formMessage ? [{ message: formMessage }] : []),
  ];

  return (
    <SettingBlock id="delete-title" title="Delete this case">
      <p>
        Deleting removes the case and everything in it, for every member, for good. It cannot be undone. If you only
        want to put it away, archive it instead.
      </p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <ErrorSummary errors={summary} />
        <TextField
          id="delete-confirm-title"
          label={`Type the case title to confirm: ${title}`}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={fieldError ?? undefined}
        />
        <div>
          <Button type="submit" variant="danger" disabled={remove.isPending || remove.isSuccess}>
            {remove.isPending || remove.isSuccess ? "Deleting…" : "Delete this case for good"}
          </Button>
        </div>
      </form>
    </SettingBlock>
  );
}
