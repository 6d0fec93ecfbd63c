import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { PacketBuilder } from "@/components/packet/packet-builder";
import { api } from "@/server/caller";
import { parsePacketChoice } from "@/lib/packet";
import { visitSection } from "../../../visit-section";

type Props = {
  params: Promise<{ caseId: string; opinionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Visit packet" };

/**
 * The visit packet for one opinion: choose what goes in, print it or download the PDF, see it as it
 * prints. The address's choice (a submitted form without JavaScript, or a reload) is where it starts.
 */
export default async function PacketPage({ params, searchParams }: Props) {
  const { caseId, opinionId } = await params;
  await visitSection(caseId, "opinions");
  const choice = parsePacketChoice(await searchParams);
  const packet = await (await api()).packet.get({ caseId, opinionId, choice }).catch((error: unknown) => {
    // An opinion of another case, or one removed meanwhile, looks like no opinion at all.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const base = `/cases/${caseId}/opinions/${opinionId}` as const;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3 print:hidden">
        <p>
          <Link href={base}>Back to {packet.opinion.label}</Link>
        </p>
        <h1 className="text-3xl font-bold">Visit packet</h1>
        <p className="max-w-3xl text-lg">
          A one-page summary to bring to the visit for {packet.opinion.label}
          {packet.opinion.clinician ? ` with ${packet.opinion.clinician}` : ""}: the questions that matter most, medicines,
          allergies, past procedures and the records you are bringing. You choose what goes in.
        </p>
        <p className="max-w-3xl text-muted">
          Private records are left out unless you tick them. Priority (pinned) questions for this visit and general ones
          are ticked to start with; questions meant for another clinician are not offered.
        </p>
      </div>
      <PacketBuilder packet={packet} pagePath={`${base}/packet`} pdfPath={`/api/cases/${caseId}/opinions/${opinionId}/packet`} />
    </div>
  );
}
