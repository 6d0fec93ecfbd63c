"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { endOfLocalDay } from "@/lib/format-date";
import { INVITABLE_ROLES, type InvitableRole } from "@/lib/vocabulary/member";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { InlineError } from "@/components/ui/inline-error";
import type { MemberRow } from "./members-table";

/** The owner's controls for one other member: role, an access end date, removal. */
export function MemberAccessControls({ caseId, member }: { caseId: string; member: MemberRow }) {
  const headingId = useId();
  const t = useTranslations("sharing.access");
  const roles = useTranslations("sharing.roles");
  const role = roles(`${member.role}.name`);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h3 id={headingId} className="break-words text-xl font-semibold">
          {member.name}
        </h3>
        <p className="text-muted">
          {member.accessEnded ? t("ended", { role }) : role}
        </p>
      </div>
      <RoleControl caseId={caseId} member={member} />
      <AccessEndControl caseId={caseId} member={member} />
      <RemoveControl caseId={caseId} member={member} />
    </section>
  );
}

function RoleControl({ caseId, member }: { caseId: string; member: MemberRow }) {
  const client = useTRPCClient();
  const t = useTranslations("sharing.access");
  const roles = useTranslations("sharing.roles");
  const common = useTranslations("common");
  const [role, setRole] = useState<InvitableRole>(member.role === "viewer" ? "viewer" : "supporter");
  const [saved, setSaved] = useState(false);
  const changeRole = useCaseMutation(client.member.changeRole.mutate);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if ((await changeRole.run({ caseId, memberId: member.id, role })).ok) setSaved(true);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          id={`role-${member.id}`}
          label={t("roleLabel")}
          options={INVITABLE_ROLES.map((value) => ({ value, label: roles(`${value}.name`) }))}
          value={role}
          onChange={(e) => {
            setRole(e.target.value === "viewer" ? "viewer" : "supporter");
            setSaved(false);
          }}
          className="min-w-40"
        />
        <Button type="submit" variant="secondary" disabled={changeRole.busy || role === member.role}>
          {changeRole.busy ? common("saving") : t("saveRole")}
        </Button>
      </div>
      <p className="text-sm text-muted">{roles(`${role}.description`)}</p>
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {saved ? t("roleSaved", { name: member.name, role }) : ""}
      </p>
      <InlineError message={changeRole.message} />
    </form>
  );
}

function AccessEndControl({ caseId, member }: { caseId: string; member: MemberRow }) {
  const client = useTRPCClient();
  const t = useTranslations("sharing.access");
  const [value, setValue] = useState("");
  const [dateError, setDateError] = useState<string | null>(null);
  const setAccessEnd = useCaseMutation(client.member.setAccessEnd.mutate);
  const inputId = `access-end-${member.id}`;
  const error = dateError ?? setAccessEnd.message;

  const save = async (accessEndsAt: Date | null) => {
    setDateError(null);
    if ((await setAccessEnd.run({ caseId, memberId: member.id, accessEndsAt })).ok) setValue("");
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const date = endOfLocalDay(value);
    if (!date) {
      setAccessEnd.setMessage(null);
      setDateError(t("chooseLastDay"));
      return;
    }
    void save(date);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <p>
        {member.accessEndsAt
          ? t.rich(member.accessEnded ? "endedAt" : "endsAt", { date: () => <LocalDate date={member.accessEndsAt!} /> })
          : t("noEnd")}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id={inputId}
          type="date"
          label={member.accessEndsAt ? t("changeLastDay") : t("lastDayOptional")}
          hint={t("lastDayHint")}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={error ?? undefined}
          className="min-w-48"
        />
        <Button type="submit" variant="secondary" disabled={setAccessEnd.busy}>
          {t("setEndDate")}
        </Button>
        {member.accessEndsAt && (
          <Button variant="secondary" disabled={setAccessEnd.busy} onClick={() => void save(null)}>
            {t("removeEndDate")}
          </Button>
        )}
      </div>
    </form>
  );
}

function RemoveControl({ caseId, member }: { caseId: string; member: MemberRow }) {
  const client = useTRPCClient();
  const remove = useCaseMutation(client.member.remove.mutate);
  const t = useTranslations("sharing.access");
  return (
    <ConfirmAction
      label={t("remove")}
      danger
      question={<p>{t.rich("removeQuestion", { name: member.name, strong: (words) => <strong>{words}</strong> })}</p>}
      confirmLabel={t("removeConfirm", { name: member.name })}
      busyLabel={t("removing")}
      busy={remove.busy || remove.succeeded}
      error={remove.message}
      onConfirm={() => remove.run({ caseId, memberId: member.id })}
    />
  );
}
