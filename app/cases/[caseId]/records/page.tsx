import type { Metadata } from "next";
import Link from "next/link";
import { AddRecordForm } from "@/components/record/add-record-form";
import { RecordsBoard } from "@/components/record/records-board";
import { recordsSummary } from "@/components/record/records-summary";
import { StartSuggested } from "@/components/record/start-suggested";
import type { RecordFileView } from "@/lib/record";
import { buttonClasses } from "@/components/ui/button";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";
import { visitSection } from "../visit-section";

export const metadata: Metadata = { title: "Records to gather" };

type Props = { params: Promise<{ caseId: string }> };

export default async function RecordsPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "records");
  const session = await getSession();
  const caller = await api();
  const records = await caller.record.list({ caseId });
  // Only records with files need their list (one query each, side by side).
  const fileLists = await Promise.all(
    records.filter((r) => r.fileCount > 0).map(async (r) => [r.id, await caller.file.list({ caseId, recordId: r.id })] as const),
  );
  const filesByRecord: Record<string, RecordFileView[]> = Object.fromEntries(fileLists);
  const permissions = {
    canEdit: theCase.myRole !== "viewer",
    isOwner: theCase.myRole === "owner",
    userId: session?.user.id ?? "",
  };
  const summary = records.length > 0 ? recordsSummary(records) : null;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">Records to gather</h1>
        <p className="max-w-3xl">
          A new clinician sees your situation more clearly with your records in hand: recent clinic notes, test results,
          the images themselves, and your medication, surgery and allergy history. Your current clinic, the hospital&apos;s
          records department or your patient portal can usually provide them.
        </p>
        {summary && (
          <div className="flex flex-col gap-3">
            <p className="text-xl font-semibold">
              {summary.headline}
              <span className="block text-base font-normal text-muted">{summary.detail}</span>
            </p>
            {summary.usualNotListed > 0 && permissions.canEdit && <StartSuggested caseId={caseId} label="Add the usual records not listed" />}
          </div>
        )}
        <div className="flex flex-wrap gap-3">
          <Link href={`/cases/${caseId}/records/letter`} className={buttonClasses("secondary")}>
            Write a records request letter
          </Link>
          <Link href={`/cases/${caseId}/health`} className={buttonClasses("secondary")}>
            Medications &amp; history
          </Link>
        </div>
      </div>

      {records.length === 0 ? (
        <section aria-labelledby="start-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="start-title" className="text-2xl font-semibold">
            No records listed yet
          </h2>
          {permissions.canEdit ? (
            <>
              <p>
                You can start from the records a second-opinion clinician usually asks for, then remove what does not
                apply, or add your own below.
              </p>
              <StartSuggested caseId={caseId} />
            </>
          ) : (
            <p className="text-muted">The owner and supporters can add the records to gather.</p>
          )}
        </section>
      ) : (
        <RecordsBoard caseId={caseId} records={records} filesByRecord={filesByRecord} permissions={permissions} />
      )}

      {permissions.canEdit && (
        <section aria-labelledby="add-record-heading" className="flex flex-col gap-4">
          <h2 id="add-record-heading" className="text-2xl font-semibold">
            Add a record
          </h2>
          <div className="rounded-xl border border-slate-200 bg-white p-5">
            <AddRecordForm caseId={caseId} isOwner={permissions.isOwner} />
          </div>
        </section>
      )}
    </div>
  );
}
