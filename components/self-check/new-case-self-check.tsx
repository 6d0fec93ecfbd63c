"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { NewCaseForm } from "@/components/case/new-case-form";
import { Button } from "@/components/ui/button";
import { SafetyAlert } from "./safety-alert";
import { SelfCheckFields, type SelfCheckAnswers } from "./self-check-fields";
import { SelfCheckSummary } from "./self-check-summary";

/**
 * The self-check path into a new case: first the questions, then the case details. The answers are
 * kept while moving between the two steps and saved together with the case.
 */
export function NewCaseSelfCheck() {
  const t = useTranslations("selfCheck.newCase");
  const [answers, setAnswers] = useState<SelfCheckAnswers>({ situations: [], cautions: [] });
  const [step, setStep] = useState<"check" | "details">("check");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After a step change (not on first load), focus its heading so the new step is read out.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);
  const goTo = (next: typeof step) => {
    moved.current = true;
    setStep(next);
  };

  if (step === "details") {
    return (
      <div className="flex flex-col gap-5">
        <SafetyAlert cautions={answers.cautions} />
        <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
          {t("step2")}
        </h2>
        <SelfCheckSummary situations={answers.situations} cautions={answers.cautions} headingLevel={3} />
        <div>
          <Button variant="secondary" onClick={() => goTo("check")}>
            {t("back")}
          </Button>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
          <NewCaseForm selfCheck={answers} />
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        goTo("details");
      }}
    >
      <SafetyAlert cautions={answers.cautions} />
      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
        {t("step1")}
      </h2>
      <p className="text-muted">{t("intro")}</p>
      <SelfCheckFields idPrefix="new-self-check" value={answers} onChange={setAnswers} />
      <SelfCheckSummary situations={answers.situations} cautions={answers.cautions} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">{t("continue")}</Button>
        <Link href="/cases/new">{t("skip")}</Link>
      </div>
    </form>
  );
}
