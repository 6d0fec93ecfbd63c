import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DecidePart, DecideSteps } from "@/components/decision/decide-steps";
import { RecordDecision } from "@/components/decision/record-decision";
import { DecisionCommentList, DecisionRecord } from "@/components/decision/decision-record";
import { ReflectionCard } from "@/components/reflection/reflection-card";
import { CommentFormOnFirstUse } from "@/components/decision/decision-comments-on-first-use";
import { ReflectionFormOnFirstUse } from "@/components/reflection/reflection-form-on-first-use";
import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decision");
  return { title: t("title") };
}

type Props = { params: Promise<{ caseId: string }> };

const STEPS = ["reflect", "compare", "decision"] as const;
type Step = (typeof STEPS)[number];

export default async function DecidePage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "decide");
  const session = await getSession();
  const caller = await api();
  const [reflections, history, opinionRows, t] = await Promise.all([
    caller.reflection.list({ caseId }),
    caller.decision.history({ caseId }),
    caller.opinion.list({ caseId }),
    getTranslations("decision"),
  ]);
  const eyebrow = (step: number) => t("steps.eyebrow", { step, total: STEPS.length });
  const myUserId = session?.user.id ?? null;
  const canWrite = roleAtLeast(theCase.myRole, "supporter");
  const isOwner = theCase.myRole === "owner";
  const opinions = opinionRows.map(({ id, label, clinician }) => ({ id, label, clinician }));
  // Everyone who writes a reflection (the owner and supporters), in the order they joined.
  const writers = theCase.members.filter((m) => m.role !== "viewer");
  const mine = reflections.find((r) => r.userId === myUserId) ?? null;
  const [current, ...earlier] = history;
  // Where this reader is: their own reflection first; then the decision for the owner (who records it)
  // and for everyone once there is one to read and comment on; otherwise the others' reflections.
  const currentStep: Step = canWrite && !mine ? "reflect" : current || isOwner ? "decision" : "compare";

  return (
    <DecideSteps current={currentStep}>
      <div className="flex flex-col gap-8">
        <div className="flex flex-col gap-4">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <nav aria-label={t("steps.nav")}>
            <ol className="flex flex-wrap gap-x-5">
              {STEPS.map((step, index) => {
                const isCurrent = step === currentStep;
                return (
                  <li key={step}>
                    <a
                      href={`#part-${step}`}
                      aria-current={isCurrent ? "step" : undefined}
                      className={`inline-flex min-h-11 items-center gap-2 ${isCurrent ? "font-semibold" : ""}`}
                    >
                      <span
                        aria-hidden="true"
                        className={`grid size-7 shrink-0 place-items-center rounded-full border-2 border-brand-600 text-sm font-semibold no-underline ${
                          isCurrent ? "bg-brand-600 text-white" : "bg-white text-brand-700"
                        }`}
                      >
                        {index + 1}
                      </span>
                      {t(`steps.${step}`)}
                    </a>
                  </li>
                );
              })}
            </ol>
          </nav>
          <DecidePart part="before" title={t("before.title")} titleId="decide-intro-title" titleClassName="text-xl font-semibold" className="rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
            <ul className="list-disc space-y-1 pl-5">
              <li>{t("before.goodEnough")}</li>
              <li>{t("before.moreQuestions")}</li>
              <li>{t("before.noAdvice")}</li>
            </ul>
          </DecidePart>
          {theCase.urgent && <UrgentCareNotice />}
        </div>

        <DecidePart part="reflect" eyebrow={eyebrow(1)} title={mine ? t("reflect.titleUpdate") : canWrite ? t("reflect.titleWrite") : t("reflect.titleRead")} titleId="my-reflection-title">
          {canWrite ? (
            <>
              <p className="max-w-3xl text-muted">{t("reflect.intro")}</p>
              <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
                <ReflectionFormOnFirstUse caseId={caseId} mine={mine} opinions={opinions} />
              </div>
            </>
          ) : (
            <p className="text-muted">{t("reflect.viewer")}</p>
          )}
        </DecidePart>

        <DecidePart part="compare" eyebrow={eyebrow(2)} title={t("compare.title")} titleId="reflections-title">
          <p className="max-w-3xl text-muted">{t("compare.intro")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            {writers.map((member) => (
              <ReflectionCard
                key={member.id}
                caseId={caseId}
                userId={member.userId}
                name={member.name}
                isMine={member.userId === myUserId}
                reflection={reflections.find((r) => r.userId === member.userId) ?? null}
                opinions={opinions}
                valuesAnchor={canWrite}
              />
            ))}
          </div>
        </DecidePart>

        <DecidePart part="decision" eyebrow={eyebrow(3)} title={t("decision.title")} titleId="decision-title">
          {current ? (
            <div className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-5">
              <section aria-labelledby="current-decision-title" className="flex flex-col gap-2">
                <h3 id="current-decision-title" className="text-sm font-semibold uppercase tracking-wide text-muted">
                  {t("decision.current")}
                </h3>
                <DecisionRecord decision={current} />
              </section>
              <section aria-labelledby="comments-title" className="flex flex-col gap-3 border-t border-slate-200 pt-4">
                <h3 id="comments-title" className="text-lg font-semibold">
                  {t("decision.comments")}
                </h3>
                <DecisionCommentList decision={current} />
                {canWrite && <CommentFormOnFirstUse caseId={caseId} decisionId={current.id} />}
              </section>
            </div>
          ) : (
            <p>{t("decision.none")}</p>
          )}

          {isOwner ? (
            <RecordDecision caseId={caseId} current={current ?? null} />
          ) : (
            <p className="text-muted">{canWrite ? t("decision.ownerOnlyCanComment") : t("decision.ownerOnly")}</p>
          )}

          {earlier.length > 0 && (
            <details className="rounded-xl border border-slate-200 bg-white">
              <summary className="min-h-11 cursor-pointer px-5 py-3 font-semibold">
                {t("decision.earlier", { count: earlier.length })}
              </summary>
              <ol className="flex flex-col gap-4 px-5 pb-5">
                {earlier.map((decision) => (
                  <li key={decision.id} className="flex flex-col gap-3 border-t border-slate-200 pt-4">
                    <DecisionRecord decision={decision} />
                    {decision.comments.length > 0 && (
                      <div className="flex flex-col gap-2">
                        <p className="font-semibold">{t("decision.earlierComments")}</p>
                        <DecisionCommentList decision={decision} />
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </DecidePart>
      </div>
    </DecideSteps>
  );
}
