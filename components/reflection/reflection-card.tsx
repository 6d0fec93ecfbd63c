import Link from "next/link";
import type { ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { NEXT_STEPS, READINESS_CHECKS, REFLECTION_VALUE_LABELS, RISK_COMFORT_ENDS, RISK_COMFORT_SCALE, UNDERSTANDING_CHECKS } from "@/lib/vocabulary/reflection";
import type { ReflectionView } from "@/lib/reflection";
import { opinionChoiceName, type OpinionChoice } from "./opinion-choice";

type NextStep = keyof typeof NEXT_STEPS;

function Text({ text }: { text: string }) {
  return text ? <p className="whitespace-pre-wrap break-words">{text}</p> : <p className="text-muted">Not written.</p>;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <h4 className="font-semibold">{title}</h4>
      {children}
    </div>
  );
}

/** Comfort with uncertainty on the 1–5 scale, drawn as five steps, with the same in words for screen readers. */
function RiskScale({ value }: { value: number | null }) {
  if (value === null) return <p className="text-muted">Not answered.</p>;
  return (
    <div className="flex flex-col gap-1">
      <p className="sr-only">
        {value} on a scale from 1, {RISK_COMFORT_ENDS.low}, to 5, {RISK_COMFORT_ENDS.high}.
      </p>
      <div aria-hidden="true" className="flex gap-1">
        {RISK_COMFORT_SCALE.map((point) => (
          <span
            key={point}
            className={`grid h-8 flex-1 place-items-center rounded text-sm font-semibold ${
              point === value ? "bg-brand-600 text-white" : "bg-slate-100 text-muted"
            }`}
          >
            {point}
          </span>
        ))}
      </div>
      <p aria-hidden="true" className="flex justify-between text-sm text-muted">
        <span>{RISK_COMFORT_ENDS.low}</span>
        <span>{RISK_COMFORT_ENDS.high}</span>
      </p>
    </div>
  );
}

function NextStepHint({ step, caseId, valuesAnchor }: { step: NextStep; caseId: string; valuesAnchor: boolean }) {
  const link =
    step === "questions" ? (
      <Link href={`/cases/${caseId}/questions`}>Go to the questions</Link>
    ) : step === "support" ? (
      <Link href={`/cases/${caseId}/sharing`}>Go to Sharing &amp; settings</Link>
    ) : valuesAnchor ? (
      <a href="#reflection-values">Go to what matters most</a>
    ) : null;
  return (
    <p className="text-sm">
      <span className="font-semibold">Next step: </span>
      {NEXT_STEPS[step]} {link}
    </p>
  );
}

function Checks({
  title,
  checks,
  reflection,
  caseId,
  valuesAnchor,
}: {
  title: string;
  checks: readonly { key: keyof ReflectionView; text: string; nextStep: NextStep }[];
  reflection: ReflectionView;
  caseId: string;
  valuesAnchor: boolean;
}) {
  return (
    <Part title={title}>
      <ul className="flex flex-col gap-2">
        {checks.map((check) => {
          const answer = reflection[check.key];
          return (
            <li key={check.key} className="flex flex-col gap-1 border-l-4 border-slate-200 pl-3">
              <p>
                {check.text}{" "}
                <strong className={answer === false ? "text-caution" : undefined}>
                  {answer === true ? "Yes" : answer === false ? "No" : <span className="font-normal text-muted">Not answered</span>}
                </strong>
              </p>
              {answer === false && <NextStepHint step={check.nextStep} caseId={caseId} valuesAnchor={valuesAnchor} />}
            </li>
          );
        })}
      </ul>
    </Part>
  );
}

/** One member's reflection, read-only. A "No" in a check shows its next step, never a score. */
export function ReflectionCard({
  caseId,
  userId,
  name,
  isMine,
  reflection,
  opinions,
  valuesAnchor,
}: {
  caseId: string;
  /** The author's user id: the card's heading id. */
  userId: string;
  name: string;
  isMine: boolean;
  reflection: ReflectionView | null;
  opinions: OpinionChoice[];
  /** Whether this page holds the reader's own reflection form (the values part can be linked to). */
  valuesAnchor: boolean;
}) {
  const title = isMine ? `Your reflection` : `${name}'s reflection`;
  const headingId = `reflection-${userId}`;
  const fit = reflection?.communicationOpinionId ? opinions.find((o) => o.id === reflection.communicationOpinionId) : undefined;
  return (
    <article aria-labelledby={headingId} className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h3 id={headingId} className="break-words text-xl font-semibold">
          {title}
        </h3>
        {reflection ? (
          <p className="text-sm text-muted">
            Last saved <LocalDate date={reflection.updatedAt} />
          </p>
        ) : (
          <p className="text-muted">{isMine ? "You have not written your reflection yet." : `${name} has not written a reflection yet.`}</p>
        )}
      </div>
      {reflection && (
        <>
          <Part title="What matters most">
            {reflection.values.length === 0 ? (
              <p className="text-muted">Nothing chosen.</p>
            ) : (
              <ul className="list-disc pl-5">
                {reflection.values.map((value) => (
                  <li key={value}>{REFLECTION_VALUE_LABELS[value]}</li>
                ))}
              </ul>
            )}
            {reflection.valuesOther && <p className="whitespace-pre-wrap break-words">{reflection.valuesOther}</p>}
          </Part>
          <Part title="Comfort with uncertainty">
            <RiskScale value={reflection.riskComfort} />
          </Part>
          <Part title="Practical realities">
            <Text text={reflection.practical} />
          </Part>
          <Part title="Who helped us feel informed and heard">
            <p className="font-semibold">{fit ? opinionChoiceName(fit) : <span className="font-normal text-muted">No clinician chosen.</span>}</p>
            {reflection.communication && <p className="whitespace-pre-wrap break-words">{reflection.communication}</p>}
          </Part>
          <Checks title="Ready to decide?" checks={READINESS_CHECKS} reflection={reflection} caseId={caseId} valuesAnchor={valuesAnchor} />
          <Checks
            title="Understanding the options"
            checks={UNDERSTANDING_CHECKS}
            reflection={reflection}
            caseId={caseId}
            valuesAnchor={valuesAnchor}
          />
        </>
      )}
    </article>
  );
}
