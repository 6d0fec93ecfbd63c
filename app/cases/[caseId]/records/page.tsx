import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AddRecordFormOnFirstUse } from "@/components/record/add-record-form-on-first-use";
import { recordGroups, shownWhole } from "@/components/record/record-groups";
import { RecordsBoard } from "@/components/record/records-board";
import type { RecordFileShown } from "@/components/record/types";
import { recordsSummary } from "@/components/record/records-summary";
import { StartSuggestedOnFirstUse } from "@/components/record/start-suggested-on-first-use";
import { buttonClasses } from "@/components/ui/button";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records");
  return { title: t("page.title") };
}

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ show?: string | string[] }> };

export default async function RecordsPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  const whole = shownWhole((await searchParams).show);
  const theCase = await visitSection(caseId, "records");
  const session = await getSession();
  const t = await getTranslations("records");
  const caller = await api();
  // Every visible record's files in one read, not one per record; the browser gets those of the records
  // shown, without their digests.
  const [records, files] = await Promise.all([caller.record.list({ caseId }), caller.file.list({ caseId })]);
  const groups = recordGroups(records, whole);
  const shown = new Set(groups.flatMap((group) => group.records.map((record) => record.id)));
  const filesByRecord: Record<string, RecordFileShown[]> = {};
  for (const { sha256, ...file } of files) if (shown.has(file.recordId)) (filesByRecord[file.recordId] ??= []).push(file);
  const permissions = {
    canEdit: theCase.myRole !== "viewer",
    isOwner: theCase.myRole === "owner",
    userId: session?.user.id ?? "",
  };
  const summary = records.length > 0 ? recordsSummary(records, t) : null;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("page.title")}</h1>
        <p className="max-w-3xl">{t("page.intro")}</p>
        {summary && (
          <div className="flex flex-col gap-3">
            <p className="text-xl font-semibold">
              {summary.headline}
              <span className="block text-base font-normal text-muted">{summary.detail}</span>
            </p>
            {summary.usualNotListed > 0 && permissions.canEdit && <StartSuggestedOnFirstUse caseId={caseId} label={t("page.addUsual")} />}
          </div>
        )}
        <div className="flex flex-wrap gap-3">
          <Link href={`/cases/${caseId}/records/letter`} className={buttonClasses("secondary")}>
            {t("page.writeLetter")}
          </Link>
          <Link href={`/cases/${caseId}/health`} className={buttonClasses("secondary")}>
            {t("page.healthLink")}
          </Link>
        </div>
      </div>

      {records.length === 0 ? (
        <section aria-labelledby="start-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="start-title" className="text-2xl font-semibold">
            {t("page.noneTitle")}
          </h2>
          {permissions.canEdit ? (
            <>
              <p>{t("page.noneIntro")}</p>
              <StartSuggestedOnFirstUse caseId={caseId} />
            </>
          ) : (
            <p className="text-muted">{t("page.noneViewer")}</p>
          )}
        </section>
      ) : (
        <RecordsBoard caseId={caseId} groups={groups} whole={whole} filesByRecord={filesByRecord} permissions={permissions} />
      )}

      {permissions.canEdit && (
        <section aria-labelledby="add-record-heading" className="flex flex-col gap-4">
          <h2 id="add-record-heading" className="text-2xl font-semibold">
            {t("page.addTitle")}
          </h2>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <AddRecordFormOnFirstUse caseId={caseId} isOwner={permissions.isOwner} />
          </div>
        </section>
      )}
    </div>
  );
}
