"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { LocalDate } from "@/components/ui/local-date";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { type CaseRole, ROLE_LABELS } from "@/lib/member";
import { InlineError } from "@/components/ui/inline-error";
import { InvitationLink } from "./invitation-link";

export type InvitationRow = {
  id: string;
  email: string;
  role: CaseRole;
  status: "pending" | "accepted" | "revoked" | "expired";
  sentAt: Date;
  expiresAt: Date;
};

const STATUS: Record<InvitationRow["status"], { label: string; className: string }> = {
  pending: { label: "Waiting for a reply", className: "bg-brand-100 text-brand-800" },
  accepted: { label: "Accepted", className: "bg-slate-200 text-ink" },
  revoked: { label: "Revoked", className: "bg-slate-200 text-ink" },
  expired: { label: "Expired", className: "bg-caution-bg text-caution" },
};

/** Invitations sent for this case, newest first; pending ones can get a new link or be revoked. */
export function InvitationList({ caseId, invitations }: { caseId: string; invitations: InvitationRow[] }) {
  if (invitations.length === 0) return <p className="text-muted">No invitations sent yet.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {invitations.map((invitation) => (
        <InvitationItem key={invitation.id} caseId={caseId} invitation={invitation} />
      ))}
    </ul>
  );
}

function InvitationItem({ caseId, invitation }: { caseId: string; invitation: InvitationRow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [reissued, setReissued] = useState<{ link: string; emailed: boolean } | null>(null);
  const resend = useMutation(trpc.invitation.resend.mutationOptions());
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());
  const status = STATUS[invitation.status];
  // An expired invitation can get a new link too: the server accepts anything not accepted or revoked.
  const canResend = invitation.status === "pending" || invitation.status === "expired";
  const busy = resend.isPending || revoke.isPending;

  const onResend = () => {
    setError(null);
    resend.mutate(
      { caseId, invitationId: invitation.id },
      {
        onSuccess: (result) => {
          setReissued({ link: result.link, emailed: result.emailed });
          router.refresh();
        },
        onError: (e) => setError(actionErrorMessage(e)),
      },
    );
  };

  const onRevoke = () => {
    setError(null);
    setReissued(null);
    revoke.mutate(
      { caseId, invitationId: invitation.id },
      { onSuccess: () => router.refresh(), onError: (e) => setError(actionErrorMessage(e)) },
    );
  };

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="break-all font-semibold">{invitation.email}</p>
        <span className={`rounded-full px-3 py-0.5 text-sm font-semibold ${status.className}`}>{status.label}</span>
      </div>
      <p className="text-muted">
        {ROLE_LABELS[invitation.role].name} · sent <LocalDate date={invitation.sentAt} />
        {invitation.status === "pending" && (
          <>
            {" "}
            · link works until <LocalDate date={invitation.expiresAt} />
          </>
        )}
        {invitation.status === "expired" && (
          <>
            {" "}
            · expired <LocalDate date={invitation.expiresAt} />
          </>
        )}
      </p>
      {canResend && (
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" disabled={busy} onClick={onResend}>
            {resend.isPending ? "Making a new link…" : "Resend (new link)"}
            <span className="sr-only"> for {invitation.email}</span>
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onRevoke}>
            {revoke.isPending ? "Revoking…" : "Revoke"}
            <span className="sr-only"> the invitation for {invitation.email}</span>
          </Button>
        </div>
      )}
      {reissued && canResend && (
        <InvitationLink link={reissued.link} emailed={reissued.emailed} email={invitation.email} />
      )}
      <InlineError message={error} />
    </li>
  );
}
