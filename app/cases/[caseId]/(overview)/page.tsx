import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ActivityFeed, ActivityFeedSkeleton } from "@/components/activity/activity-feed";
import { CaseDetailsEditor } from "@/components/case/case-details-editor";
import { NextSteps, PhaseProgress } from "@/components/checklist/checklist-view";
import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import { ComingUp, ForYou } from "@/components/task/overview-tasks";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";
import type { ActivityFeedPage } from "@/lib/activity";
import { loadCase } from "../load-case";
import { visitSection } from "../visit-section";

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
  const [checklist, tasks, session] = await Promise.all([caller.checklist.get({ caseId }), caller.task.overview({ caseId }), getSession()]);
  const isOwner = theCase.myRole === "owner";
  const t = await getTranslations("cases");
  const roles = await getTranslations("sharing.roles");
  const common = await getTranslations("common");

  return (
    <div className="flex flex-col gap-8">
      <h1 className="break-words text-3xl font-bold">{theCase.title}</h1>
      {theCase.urgent && <UrgentCareNotice />}

      {/* What to do next, then what is yours to do and what comes up: on a phone, the first screen under the heading. */}
      <section aria-labelledby="next-steps-title" className="flex flex-col gap-3">
        <h2 id="next-steps-title" className="text-2xl font-semibold">
          {t("overview.nextSteps")}
        </h2>
        <NextSteps caseId={caseId} checklist={checklist} />
      </section>

      <ForYou caseId={caseId} overview={tasks} me={session?.user.id ?? ""} canChange={theCase.myRole !== "viewer"} />
      <ComingUp caseId={caseId} overview={tasks} />

      <section aria-labelledby="details-title" className="flex flex-col gap-4">
        <h2 id="details-title" className="text-2xl font-semibold">
          {t("overview.atAGlance")}
        </h2>
        <dl className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <div>
            <dt className="font-semibold">{t("overview.patient")}</dt>
            <dd className="break-words">{theCase.patientName}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("details.understanding")}</dt>
            <dd>
              <Paragraphs text={theCase.understanding} empty={t("overview.notWritten")} />
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("details.decision")}</dt>
            <dd>
              <Paragraphs text={theCase.decision} empty={t("overview.notWritten")} />
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("details.feelsUrgent")}</dt>
            <dd>{theCase.urgent ? common("yes") : common("no")}</dd>
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
        <p className="text-sm text-muted">{t("overview.notAdvice")}</p>
      </section>

      <section aria-labelledby="progress-title" className="flex flex-col gap-3">
        <h2 id="progress-title" className="text-2xl font-semibold">
          {t("overview.progress")}
        </h2>
        <PhaseProgress checklist={checklist} />
        <p>
          {t.rich(checklist.selfCheckTaken ? "overview.selfCheckAgain" : "overview.selfCheckFirst", {
            check: (words) => <Link href={`/cases/${caseId}/self-check`}>{words}</Link>,
            talking: (words) => <Link href={`/cases/${caseId}/talking`}>{words}</Link>,
          })}
        </p>
      </section>

      <section aria-labelledby="people-title" className="flex flex-col gap-3">
        <h2 id="people-title" className="text-2xl font-semibold">
          {t("overview.people")}
        </h2>
        <ul className="flex flex-col gap-1">
          {theCase.members.map((member) => (
            <li key={member.id}>
              {t.rich("overview.memberLine", {
                name: member.name,
                role: roles(`${member.role}.name`),
                strong: (words) => <span className="font-semibold">{words}</span>,
              })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="activity-title" className="flex flex-col gap-3">
        <h2 id="activity-title" className="text-2xl font-semibold">
          {t("overview.activity")}
        </h2>
        {/* New since the visit before this one: the browser records this visit once the page is on screen (LiveCase). */}
        <Suspense fallback={<ActivityFeedSkeleton />}>
          <RecentActivity caseId={caseId} page={activity} newSince={theCase.myLastSeenAt} />
        </Suspense>
      </section>
    </div>
  );
}
