import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { type NextStep, READINESS_CHECKS, RISK_COMFORT_SCALE, UNDERSTANDING_CHECKS } from "@/lib/vocabulary/reflection";
import type { ReflectionView } from "@/lib/reflection";
import { opinionChoiceName, type OpinionChoice } from "./opinion-choice";

function Text({ text }: { text: string }) {
  const t = useTranslations("decision.card");
  return text ? <p className="whitespace-pre-wrap break-words">{text}</p> : <p className="text-muted">{t("notWritten")}</p>;
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
  const t = useTranslations("decision");
  if (value === null) return <p className="text-muted">{t("card.notAnswered")}</p>;
  return (
    <div className="flex flex-col gap-1">
      <p className="sr-only">{t("risk.inWords", { value })}</p>
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
        <span>{t("risk.low")}</span>
        <span>{t("risk.high")}</span>
      </p>
    </div>
  );
}

function NextStepHint({ step, caseId, valuesAnchor }: { step: NextStep; caseId: string; valuesAnchor: boolean }) {
  const t = useTranslations("decision");
  const link =
    step === "questions" ? (
      <Link href={`/cases/${caseId}/questions`}>{t("card.goToQuestions")}</Link>
    ) : step === "support" ? (
      <Link href={`/cases/${caseId}/sharing`}>{t("card.goToSharing")}</Link>
    ) : valuesAnchor ? (
      <a href="#reflection-values">{t("card.goToValues")}</a>
    ) : null;
  return (
    <p className="text-sm">
      <span className="font-semibold">{t("card.nextStep")}</span>
      {t(`nextSteps.${step}`)} {link}
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
  checks: readonly { key: (typeof READINESS_CHECKS | typeof UNDERSTANDING_CHECKS)[number]["key"]; nextStep: NextStep }[];
  reflection: ReflectionView;
  caseId: string;
  valuesAnchor: boolean;
}) {
  const t = useTranslations("decision");
  return (
    <Part title={title}>
      <ul className="flex flex-col gap-2">
        {checks.map((check) => {
          const answer = reflection[check.key];
          return (
            <li key={check.key} className="flex flex-col gap-1 border-l-4 border-slate-200 pl-3">
              <p>
                {t(`checks.${check.key}`)}{" "}
                <strong className={answer === false ? "text-caution" : undefined}>
                  {answer === true ? t("answers.yes") : answer === false ? t("answers.no") : <span className="font-normal text-muted">{t("answers.notAnswered")}</span>}
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
  const t = useTranslations("decision");
  const title = isMine ? t("card.mine") : t("card.theirs", { name });
  const headingId = `reflection-${userId}`;
  const fit = reflection?.communicationOpinionId ? opinions.find((o) => o.id === reflection.communicationOpinionId) : undefined;
  return (
    <article aria-labelledby={headingId} className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h3 id={headingId} className="break-words text-xl font-semibold">
          {title}
        </h3>
        {reflection ? (
          <p className="text-sm text-muted">{t.rich("card.lastSaved", { date: () => <LocalDate date={reflection.updatedAt} /> })}</p>
        ) : (
          <p className="text-muted">{isMine ? t("card.mineEmpty") : t("card.theirsEmpty", { name })}</p>
        )}
      </div>
      {reflection && (
        <>
          <Part title={t("card.values")}>
            {reflection.values.length === 0 ? (
              <p className="text-muted">{t("card.nothingChosen")}</p>
            ) : (
              <ul className="list-disc pl-5">
                {reflection.values.map((value) => (
                  <li key={value}>{t(`values.${value}`)}</li>
                ))}
              </ul>
            )}
            {reflection.valuesOther && <p className="whitespace-pre-wrap break-words">{reflection.valuesOther}</p>}
          </Part>
          <Part title={t("card.risk")}>
            <RiskScale value={reflection.riskComfort} />
          </Part>
          <Part title={t("card.practical")}>
            <Text text={reflection.practical} />
          </Part>
          <Part title={t("card.communication")}>
            <p className="font-semibold">{fit ? opinionChoiceName(fit) : <span className="font-normal text-muted">{t("card.noClinician")}</span>}</p>
            {reflection.communication && <p className="whitespace-pre-wrap break-words">{reflection.communication}</p>}
          </Part>
          <Checks title={t("card.readiness")} checks={READINESS_CHECKS} reflection={reflection} caseId={caseId} valuesAnchor={valuesAnchor} />
          <Checks
            title={t("card.understanding")}
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
