import type { Metadata } from "next";
import Link from "next/link";
import { CaseSettings } from "@/components/case/case-settings";
import { TwoStepRequirement } from "@/components/case/two-step-requirement";
import { WholeCaseDownload } from "@/components/case/whole-case-download";
import { InvitationList } from "@/components/invitation/invitation-list";
import { InviteForm } from "@/components/invitation/invite-form";
import { LeaveCase } from "@/components/member/leave-case";
import { MemberAccessControls } from "@/components/member/member-access-controls";
import { MembersTable, type MemberRow } from "@/components/member/members-table";
import { buttonClasses } from "@/components/ui/button";
import { api } from "@/server/caller";
import { ACCESS_LOG_NOTICE } from "@/lib/vocabulary/access-log";
import { visitSection } from "../visit-section";

export const metadata: Metadata = { title: "Sharing & settings" };

type Props = { params: Promise<{ caseId: string }> };

/** Whether an access end date has passed, as of this request. */
function hasEnded(accessEndsAt: Date | null, now: number): boolean {
  return accessEndsAt !== null && accessEndsAt.getTime() <= now;
}

export default async function SharingPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "sharing");
  const caller = await api();
  const isOwner = theCase.myRole === "owner";
  const [memberList, invitations, twoStep] = await Promise.all([
    caller.member.list({ caseId }),
    isOwner ? caller.invitation.list({ caseId }) : Promise.resolve([]),
    caller.twoStep.caseRequirement({ caseId }),
  ]);
  const now = new Date().getTime();
  const members: MemberRow[] = memberList.map((m) => ({ ...m, accessEnded: hasEnded(m.accessEndsAt, now) }));
  const others = members.filter((m) => m.role !== "owner" && !m.isMe);

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">Sharing &amp; settings</h1>
        <p className="mt-2 max-w-3xl text-muted">
          {isOwner
            ? "You decide who can see this case and what they can do. Everyone listed here can see what is shared in the case."
            : "Everyone listed here can see what is shared in this case. The owner decides who is invited."}
        </p>
        {!isOwner && <p className="mt-2 max-w-3xl font-semibold">{ACCESS_LOG_NOTICE}</p>}
      </div>

      <section aria-labelledby="members-title" className="flex flex-col gap-4">
        <h2 id="members-title" className="text-2xl font-semibold">
          Members
        </h2>
        <MembersTable members={members} />
        {isOwner && others.length > 0 && (
          <div className="flex flex-col gap-4">
            <h3 className="text-xl font-semibold">Manage access</h3>
            {others.map((member) => (
              <MemberAccessControls key={member.id} caseId={caseId} member={member} />
            ))}
          </div>
        )}
        {!isOwner && <LeaveCase caseId={caseId} caseTitle={theCase.title} />}
      </section>

      {isOwner && (
        <section aria-labelledby="access-log-title" className="flex flex-col gap-4">
          <h2 id="access-log-title" className="text-2xl font-semibold">
            Who saw and did what
          </h2>
          <p className="max-w-3xl text-muted">
            Every change, every file downloaded, every export, and which sections each person opened. Members are told
            that you can see this.
          </p>
          <p>
            <Link href={`/cases/${caseId}/sharing/access-log`} className={buttonClasses("secondary")}>
              See who saw and did what
            </Link>
          </p>
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="invite-title" className="flex flex-col gap-4">
          <h2 id="invite-title" className="text-2xl font-semibold">
            Invite someone
          </h2>
          <p className="max-w-3xl text-muted">
            For example a family member, a friend or a care partner. They get a link that works once, for 7 days,
            with the email address you enter.
          </p>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <InviteForm caseId={caseId} />
          </div>
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="invitations-title" className="flex flex-col gap-4">
          <h2 id="invitations-title" className="text-2xl font-semibold">
            Invitations
          </h2>
          <InvitationList caseId={caseId} invitations={invitations} />
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="export-title" className="flex flex-col gap-4">
          <h2 id="export-title" className="text-2xl font-semibold">
            Export
          </h2>
          <p className="max-w-3xl text-muted">
            Your copy of the case, to keep or to move elsewhere. The whole case is one JSON file with everything in it,
            uploaded files included (other members&rsquo; private notes stay theirs and are left out). The comparison and
            decision are a PDF to read or print. Each export is noted in the activity log.
          </p>
          <div className="flex flex-wrap gap-3">
            <WholeCaseDownload href={`/api/cases/${caseId}/export/json`} className={buttonClasses("secondary")}>
              Download the whole case (JSON)
            </WholeCaseDownload>
            <a href={`/api/cases/${caseId}/export/comparison-pdf`} download className={buttonClasses("secondary")}>
              Download the comparison and decision (PDF)
            </a>
          </div>
          <p className="max-w-3xl text-muted">
            Visit packets are made from each opinion&rsquo;s page, under{" "}
            <Link href={`/cases/${caseId}/opinions`}>Opinions</Link>.
          </p>
        </section>
      )}

      <section aria-labelledby="two-step-title" className="flex flex-col gap-4">
        <h2 id="two-step-title" className="text-2xl font-semibold">
          Two-step sign-in
        </h2>
        {isOwner ? (
          <TwoStepRequirement caseId={caseId} required={twoStep.required} ownerHasTwoStep={twoStep.youHaveTwoStep} />
        ) : (
          <p>
            {twoStep.required
              ? "The owner requires everyone in this case to use two-step sign-in."
              : "The owner does not require two-step sign-in for this case."}
          </p>
        )}
      </section>

      {isOwner && (
        <section aria-labelledby="settings-title" className="flex flex-col gap-4">
          <h2 id="settings-title" className="text-2xl font-semibold">
            Case settings
          </h2>
          <CaseSettings
            caseId={caseId}
            title={theCase.title}
            archived={theCase.archivedAt !== null}
            otherMembers={others.filter((m) => !m.accessEnded).map(({ id, name }) => ({ id, name }))}
          />
        </section>
      )}
    </div>
  );
}
