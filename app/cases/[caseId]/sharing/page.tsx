import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CaseSettingsOnFirstUse } from "@/components/case/case-settings-on-first-use";
import { TwoStepRequirementOnFirstUse } from "@/components/case/two-step-requirement-on-first-use";
import { WholeCaseDownload } from "@/components/case/whole-case-download";
import { InvitationListOnFirstUse } from "@/components/invitation/invitation-list-on-first-use";
import { InviteFormOnFirstUse } from "@/components/invitation/invite-form-on-first-use";
import { LeaveCase } from "@/components/member/leave-case";
import { MemberAccessControlsOnFirstUse } from "@/components/member/member-access-controls-on-first-use";
import { MembersTable, type MemberRow } from "@/components/member/members-table";
import { buttonClasses } from "@/components/ui/button";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { api } from "@/server/caller";
import { translatorFor } from "@/server/i18n/translator";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sharing.page"))("title") };
}

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
  const t = await getTranslations("sharing");
  // The comparison PDF in either language, the reader's own first, each link named in its own language
  // (as on the packet page): a Spanish-speaking owner may hand an English copy to an English-speaking clinic.
  const locale = await getLocale();
  const own = isLocale(locale) ? locale : LOCALES[0];
  const pdfLanguages = [own, ...LOCALES.filter((l) => l !== own)];

  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-3xl font-bold">{t("page.title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{isOwner ? t("page.introOwner") : t("page.introMember")}</p>
        {!isOwner && <p className="mt-2 max-w-3xl font-semibold">{t("accessLogNotice")}</p>}
      </div>

      <section aria-labelledby="members-title" className="flex flex-col gap-4">
        <h2 id="members-title" className="text-2xl font-semibold">
          {t("page.members")}
        </h2>
        <MembersTable members={members} />
        {isOwner && others.length > 0 && (
          <div className="flex flex-col gap-4">
            <h3 className="text-xl font-semibold">{t("page.manageAccess")}</h3>
            {others.map((member) => (
              <MemberAccessControlsOnFirstUse key={member.id} caseId={caseId} member={member} />
            ))}
          </div>
        )}
        {!isOwner && <LeaveCase caseId={caseId} caseTitle={theCase.title} />}
      </section>

      {isOwner && (
        <section aria-labelledby="access-log-title" className="flex flex-col gap-4">
          <h2 id="access-log-title" className="text-2xl font-semibold">
            {t("page.accessLogTitle")}
          </h2>
          <p className="max-w-3xl text-muted">{t("page.accessLogBody")}</p>
          <p>
            <Link href={`/cases/${caseId}/sharing/access-log`} className={buttonClasses("secondary")}>
              {t("page.accessLogLink")}
            </Link>
          </p>
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="invite-title" className="flex flex-col gap-4">
          <h2 id="invite-title" className="text-2xl font-semibold">
            {t("page.inviteTitle")}
          </h2>
          <p className="max-w-3xl text-muted">{t("page.inviteBody")}</p>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <InviteFormOnFirstUse caseId={caseId} />
          </div>
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="invitations-title" className="flex flex-col gap-4">
          <h2 id="invitations-title" className="text-2xl font-semibold">
            {t("page.invitations")}
          </h2>
          <InvitationListOnFirstUse caseId={caseId} invitations={invitations} />
        </section>
      )}

      {isOwner && (
        <section aria-labelledby="export-title" className="flex flex-col gap-4">
          <h2 id="export-title" className="text-2xl font-semibold">
            {t("page.exportTitle")}
          </h2>
          <p className="max-w-3xl text-muted">{t("page.exportBody")}</p>
          <div className="flex flex-wrap gap-3">
            <WholeCaseDownload href={`/api/cases/${caseId}/export/json`} className={buttonClasses("secondary")}>
              {t("page.exportJson")}
            </WholeCaseDownload>
            {pdfLanguages.map((l) => (
              <a key={l} href={`/api/cases/${caseId}/export/comparison-pdf?lang=${l}`} download className={buttonClasses("secondary")}>
                <span lang={l}>{translatorFor(l)("sharing.page.exportPdf")}</span>
              </a>
            ))}
          </div>
          <p className="max-w-3xl text-muted">
            {t.rich("page.packetsWhere", { link: (words) => <Link href={`/cases/${caseId}/opinions`}>{words}</Link> })}
          </p>
        </section>
      )}

      <section aria-labelledby="two-step-title" className="flex flex-col gap-4">
        <h2 id="two-step-title" className="text-2xl font-semibold">
          {t("page.twoStepTitle")}
        </h2>
        {isOwner ? (
          <TwoStepRequirementOnFirstUse caseId={caseId} required={twoStep.required} ownerHasTwoStep={twoStep.youHaveTwoStep} />
        ) : (
          <p>{twoStep.required ? t("page.twoStepRequired") : t("page.twoStepNotRequired")}</p>
        )}
      </section>

      {isOwner && (
        <section aria-labelledby="settings-title" className="flex flex-col gap-4">
          <h2 id="settings-title" className="text-2xl font-semibold">
            {t("page.settingsTitle")}
          </h2>
          <CaseSettingsOnFirstUse
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
