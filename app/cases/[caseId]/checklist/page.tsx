import type { Metadata } from "next";
import Link from "next/link";
import { ChecklistView } from "@/components/checklist/checklist-view";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { visitSection } from "../visit-section";

export const metadata: Metadata = { title: "Checklist" };

type Props = { params: Promise<{ caseId: string }> };

export default async function ChecklistPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "checklist");
  const checklist = await (await api()).checklist.get({ caseId });
  const canEdit = roleAtLeast(theCase.myRole, "supporter");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Checklist</h1>
        <p>
          The four stages of getting a second opinion, step by step: {checklist.done} of {checklist.total} done. Most
          items tick themselves as you work in the case; the rest {canEdit ? "you tick by hand" : "the owner and supporters tick by hand"}.
        </p>
        <p className="text-sm text-muted">
          Only things everyone in the case can see count: private notes and private records never tick an item. Not
          every step fits every situation, and there is no need to finish them all.
        </p>
        <p>
          Not sure yet whether to look for a second opinion? <Link href={`/cases/${caseId}/self-check`}>Take the self-check</Link>.
        </p>
      </div>
      <ChecklistView caseId={caseId} checklist={checklist} canEdit={canEdit} />
    </div>
  );
}
