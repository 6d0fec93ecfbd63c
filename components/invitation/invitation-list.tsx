"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import type { InvitationStatus } from "@/lib/vocabulary/invitation";
import type { InvitationView } from "@/lib/invitation";
import { InlineError } from "@/components/ui/inline-error";
import { InvitationLink } from "./invitation-link";

const STATUS_STYLE: Record<InvitationStatus, string> = {
  pending: "bg-brand-100 text-brand-800",
  accepted: "bg-slate-200 text-ink",
  revoked: "bg-slate-200 text-ink",
  expired: "bg-caution-bg text-caution",
};

const hidden = (words: ReactNode) => <span className="sr-only">{words}</span>;

/** Invitations sent for this case, newest first; pending ones can get a new link or be revoked. */
export function InvitationList({ caseId, invitations }: { caseId: string; invitations: InvitationView[] }) {
  const t = useTranslations("sharing.invitations");
  if (invitations.length === 0) return <p className="text-muted">{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {invitations.map((invitation) => (
        <InvitationItem key={invitation.id} caseId={caseId} invitation={invitation} />
      ))}
    </ul>
  );
}

function InvitationItem({ caseId, invitation }: { caseId: string; invitation: InvitationView }) {
  const client = useTRPCClient();
  const t = useTranslations("sharing.invitations");
  const roles = useTranslations("sharing.roles");
  const [reissued, setReissued] = useState<{ link: string; emailed: boolean } | null>(null);
  const resend = useCaseMutation(client.invitation.resend.mutate);
  const revoke = useCaseMutation(client.invitation.revoke.mutate);
  // An expired invitation can get a new link too: the server accepts anything not accepted or revoked.
  const canResend = invitation.status === "pending" || invitation.status === "expired";
  const busy = resend.busy || revoke.busy;
  // One message for the item: whichever action ran last.
  const error = resend.message ?? revoke.message;

  const onResend = async () => {
    revoke.setMessage(null);
    const result = await resend.run({ caseId, invitationId: invitation.id });
    if (result.ok) setReissued({ link: result.data.link, emailed: result.data.emailed });
  };

  const onRevoke = () => {
    resend.setMessage(null);
    setReissued(null);
    void revoke.run({ caseId, invitationId: invitation.id });
  };

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="break-all font-semibold">{invitation.email}</p>
        <span className={`rounded-full px-3 py-0.5 text-sm font-semibold ${STATUS_STYLE[invitation.status]}`}>
          {t(`status.${invitation.status}`)}
        </span>
      </div>
      <p className="text-muted">
        {t.rich("sent", { role: roles(`${invitation.role}.name`), date: () => <LocalDate date={invitation.sentAt} /> })}
        {invitation.status === "pending" && t.rich("worksUntil", { date: () => <LocalDate date={invitation.expiresAt} /> })}
        {invitation.status === "expired" && t.rich("expiredOn", { date: () => <LocalDate date={invitation.expiresAt} /> })}
      </p>
      {canResend && (
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" disabled={busy} onClick={() => void onResend()}>
            {resend.busy ? t("resending") : t.rich("resend", { email: invitation.email, hidden })}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={onRevoke}>
            {revoke.busy ? t("revoking") : t.rich("revoke", { email: invitation.email, hidden })}
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
