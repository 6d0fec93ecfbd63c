import type { Metadata } from "next";
import Link from "next/link";
import { RequestLetter } from "@/components/record/request-letter";
import { api } from "@/server/caller";
import { visitSection } from "../../visit-section";

export const metadata: Metadata = { title: "Records request letter" };

type Props = { params: Promise<{ caseId: string }> };

export default async function RecordsLetterPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "records");
  const records = await (await api()).record.list({ caseId });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 print:hidden">
        <p>
          <Link href={`/cases/${caseId}/records`}>Back to the records</Link>
        </p>
        <h1 className="text-3xl font-bold">Records request letter</h1>
        <p className="max-w-3xl">
          Clinics and hospitals usually send copies of records when asked in writing. Choose who to ask and which records,
          and we draft a short, polite letter you can copy into an email or a form, or print and sign. Some places have
          their own release form; the letter offers to fill one in.
        </p>
      </div>
      <RequestLetter
        caseId={caseId}
        patientName={theCase.patientName}
        records={records.map(({ id, title, kind, source, status }) => ({ id, title, kind, source, status }))}
        canEdit={theCase.myRole !== "viewer"}
      />
    </div>
  );
}
