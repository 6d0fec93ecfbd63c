import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActivityFeed, ActivityFeedSkeleton } from "@/components/activity/activity-feed";
import { CaseDetailsEditor } from "@/components/case/case-details-editor";
import { NextSteps, PhaseProgress } from "@/components/checklist/checklist-view";
import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import { api } from "@/server/caller";
import type { ActivityFeedPage } from "@/lib/activity";
import { ROLE_LABELS } from "@/lib/member";
import { loadCase } from "./load-case";
import { visitSection } from "./visit-section";

type Props = { params: Promise<{ caseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { caseId } = await params;
  return { title: (await loadCase(caseId)).title };
}

function Paragraphs({ text, empty }: { text: string; empty: string }) {
  // Plain text as typed: line breaks kept, nothing interpreted as markup.
  return text ? <p className="whitespace-pre-wrap break-words">{text}</p> : <p className="text-muted">{empty}</p>;
}

/** The feed streams in after the first screen (it is below it), in the place its skeleton held. */
async function RecentActivity({ caseId, page, newSince }: { caseId: string; page: Promise<ActivityFeedPage>; newSince: Date | null }) {
  return <ActivityFeed caseId={caseId} page={await page} newSince={newSince} />;
}

export default async function CaseOverviewPage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "overview");
  const caller = await api();
  // Started together; only the checklist (the next steps, on the first screen) is waited for here.
  const activity = caller.activity.feed({ caseId });
  // Awaited in the Suspense boundary below; this only keeps a failure before then from being "unhandled".
  activity.catch(() => undefined);
  const checklist = await caller.checklist.get({ caseId });
  const isOwner = theCase.myRole === "owner";

  return (
    <div className="flex flex-col gap-8">
      <h1 className="break-words text-3xl font-bold">{theCase.title}</h1>
      {theCase.urgent && <UrgentCareNotice />}

      {/* What to do next comes first: on a phone it is what the first screen shows under the heading. */}
      <section aria-labelledby="next-steps-title" className="flex flex-col gap-3">
        <h2 id="next-steps-title" className="text-2xl font-semibold">
          Next steps
        </h2>
        <NextSteps caseId={caseId} checklist={checklist} />
      </section>

      <section aria-labelledby="details-title" className="flex flex-col gap-4">
        <h2 id="details-title" className="text-2xl font-semibold">
          The case at a glance
        </h2>
        <dl className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <div>
            <dt className="font-semibold">Patient</dt>
            <dd className="break-words">{theCase.patientName}</dd>
          </div>
          <div>
            <dt className="font-semibold">What I understand so far</dt>
            <dd>
              <Paragraphs text={theCase.understanding} empty="Not written yet." />
            </dd>
          </div>
          <div>
            <dt className="font-semibold">The decision we are facing</dt>
            <dd>
              <Paragraphs text={theCase.decision} empty="Not written yet." />
            </dd>
          </div>
          <div>
            <dt className="font-semibold">Feels urgent</dt>
            <dd>{theCase.urgent ? "Yes" : "No"}</dd>
          </div>
        </dl>
        {isOwner && (
          <CaseDetailsEditor
            caseId={theCase.id}
            version={theCase.version}
            details={{
              patientName: theCase.patientName,
              title: theCase.title,
              understanding: theCase.understanding,
              decision: theCase.decision,
              urgent: theCase.urgent,
            }}
          />
        )}
        <p className="text-sm text-muted">
          SecondLook helps you organise and reflect. It does not recommend a treatment, a clinician or a choice.
        </p>
      </section>

      <section aria-labelledby="progress-title" className="flex flex-col gap-3">
        <h2 id="progress-title" className="text-2xl font-semibold">
          Progress
        </h2>
        <PhaseProgress checklist={checklist} />
        <p>
          {checklist.selfCheckTaken ? "Wondering again whether a second opinion is worth it? " : "Not sure yet whether a second opinion is worth it? "}
          <Link href={`/cases/${caseId}/self-check`}>{checklist.selfCheckTaken ? "Look at the self-check again" : "Take the short self-check"}</Link>
          . For words to use with your doctor, see <Link href={`/cases/${caseId}/talking`}>Talking to your doctor</Link>.
        </p>
      </section>

      <section aria-labelledby="people-title" className="flex flex-col gap-3">
        <h2 id="people-title" className="text-2xl font-semibold">
          Who is in this case
        </h2>
        <ul className="flex flex-col gap-1">
          {theCase.members.map((member) => (
            <li key={member.id}>
              <span className="font-semibold">{member.name}</span> — {ROLE_LABELS[member.role].name}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="activity-title" className="flex flex-col gap-3">
        <h2 id="activity-title" className="text-2xl font-semibold">
          Recent activity
        </h2>
        {/* New since the visit before this one: the browser records this visit once the page is on screen (LiveCase). */}
        <Suspense fallback={<ActivityFeedSkeleton />}>
          <RecentActivity caseId={caseId} page={activity} newSince={theCase.myLastSeenAt} />
        </Suspense>
      </section>
    </div>
  );
}
