"use client";
import { useTranslations } from "next-intl";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { onDemand } from "@/components/ui/on-demand";
import type { DecisionView } from "@/lib/decision";

const DecisionForm = onDemand(() => import("./decision-form").then((m) => m.DecisionForm));

/** The owner records the decision (or a new version of it); earlier versions stay in the history. */
export function RecordDecision({ caseId, current }: { caseId: string; current: DecisionView | null }) {
  const t = useTranslations("decision.form");
  return (
    <RevealPanel openLabel={current ? t("openNew") : t("open")} closeLabel={t("close")}>
      {(close) => <DecisionForm caseId={caseId} current={current} onDone={close} />}
    </RevealPanel>
  );
}
