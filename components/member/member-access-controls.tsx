"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { endOfLocalDay } from "@/lib/format-date";
import { INVITABLE_ROLES, type InvitableRole, ROLE_LABELS } from "@/lib/member";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { LocalDate } from "@/components/ui/local-date";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { InlineError } from "@/components/ui/inline-error";
import type { MemberRow } from "./members-table";

const ROLE_OPTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role].name }));

/** The owner's controls for one other member: role, an access end date, removal. */
export function MemberAccessControls({ caseId, member }: { caseId: string; member: MemberRow }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h3 id={headingId} className="break-words text-xl font-semibold">
          {member.name}
        </h3>
        <p className="text-muted">
          {ROLE_LABELS[member.role].name}
          {member.accessEnded && " · access has ended"}
        </p>
      </div>
      <RoleControl caseId={caseId} member={member} />
      <AccessEndControl caseId={caseId} member={member} />
      <RemoveControl caseId={caseId} member={member} />
    </section>
  );
}

function RoleControl({ caseId, member }: { caseId: string; member: MemberRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [role, setRole] = useState<InvitableRole>(member.role === "viewer" ? "viewer" : "supporter");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    changeRole.mutate(
      { caseId, memberId: member.id, role },
      {
        onSuccess: () => {
          setSaved(true);
          router.refresh();
        },
        onError: (e) => setError(actionErrorMessage(e)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          id={`role-${member.id}`}
          label="Role"
          options={ROLE_OPTIONS}
          value={role}
          onChange={(e) => {
            setRole(e.target.value === "viewer" ? "viewer" : "supporter");
            setSaved(false);
          }}
          className="min-w-40"
        />
        <Button type="submit" variant="secondary" disabled={changeRole.isPending || role === member.role}>
          {changeRole.isPending ? "Saving…" : "Save role"}
        </Button>
      </div>
      <p className="text-sm text-muted">{ROLE_LABELS[role].description}</p>
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {saved ? `${member.name} is now a ${ROLE_LABELS[role].name.toLowerCase()}.` : ""}
      </p>
      <InlineError message={error} />
    </form>
  );
}

function AccessEndControl({ caseId, member }: { caseId: string; member: MemberRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const setAccessEnd = useMutation(trpc.member.setAccessEnd.mutationOptions());
  const inputId = `access-end-${member.id}`;

  const save = (accessEndsAt: Date | null) => {
    setError(null);
    setAccessEnd.mutate(
      { caseId, memberId: member.id, accessEndsAt },
      {
        onSuccess: () => {
          setValue("");
          router.refresh();
        },
        onError: (e) => setError(actionErrorMessage(e)),
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const date = endOfLocalDay(value);
    if (!date) {
      setError("Choose the last day they should have access.");
      return;
    }
    save(date);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <p>
        {member.accessEndsAt ? (
          <>
            Access {member.accessEnded ? "ended" : "ends"} at the end of <LocalDate date={member.accessEndsAt} />.
          </>
        ) : (
          "Access has no end date."
        )}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id={inputId}
          type="date"
          label={member.accessEndsAt ? "Change the last day of access" : "Last day of access (optional)"}
          hint="Access stops by itself at the end of that day."
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={error ?? undefined}
          className="min-w-48"
        />
        <Button type="submit" variant="secondary" disabled={setAccessEnd.isPending}>
          Set end date
        </Button>
        {member.accessEndsAt && (
          <Button variant="secondary" disabled={setAccessEnd.isPending} onClick={() => save(null)}>
            Remove the end date
          </Button>
        )}
      </div>
    </form>
  );
}

function RemoveControl({ caseId, member }: { caseId: string; member: MemberRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useReturnFocus(confirming, toggle);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.member.remove.mutationOptions());

  const onConfirm = () => {
    setError(null);
    remove.mutate(
      { caseId, memberId: member.id },
      {
        onSuccess: () => router.refresh(),
        onError: (e) => {
          setError(actionErrorMessage(e));
          setConfirming(false);
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <ConfirmStep
          danger
          question={
            <p>
              Remove <strong>{member.name}</strong> from this case? They lose access at once. You can invite them again
              later.
            </p>
          }
          confirmLabel={`Yes, remove ${member.name}`}
          busyLabel="Removing…"
          busy={remove.isPending || remove.isSuccess}
          onConfirm={onConfirm}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div>
          <Button ref={toggle} variant="secondary" onClick={() => setConfirming(true)}>
            Remove from the case
          </Button>
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
}
