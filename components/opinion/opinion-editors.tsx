"use client";
import { useTranslations } from "next-intl";
import { RevealPanel } from "@/components/forms/reveal-panel";
import type { OpinionView } from "@/lib/opinion";
import type { Companion } from "./opinion-form";
import { onDemand } from "@/components/ui/on-demand";
import { onFirstUse } from "@/components/ui/on-first-use";

// react-hook-form and the form stay out of the page's first load (decision 0023): loaded when opened,
// or, while there is no opinion yet and the form is on screen at load, when first used.
const load = () => import("./opinion-form").then((m) => m.OpinionForm);
const OpinionForm = onDemand(load);
const OpinionFormOnFirstUse = onFirstUse(load);

/** "Add an opinion": the form opens in place; while there is no opinion yet, it is simply there. */
export function AddOpinion({
  caseId,
  suggestedLabel,
  startOpen,
  companions,
}: {
  caseId: string;
  suggestedLabel: string;
  startOpen: boolean;
  companions: Companion[];
}) {
  const t = useTranslations("opinions.editors");
  if (startOpen) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
        <OpinionFormOnFirstUse mode="create" caseId={caseId} companions={companions} suggestedLabel={suggestedLabel} />
      </div>
    );
  }
  return (
    <RevealPanel openLabel={t("add")} closeLabel={t("closeForm")} defaultOpen={startOpen}>
      {(close) => <OpinionForm mode="create" caseId={caseId} companions={companions} suggestedLabel={suggestedLabel} onDone={close} />}
    </RevealPanel>
  );
}

/** "Edit details" for an opinion (owner and supporters). */
export function EditOpinion({ caseId, opinion, companions }: { caseId: string; opinion: OpinionView; companions: Companion[] }) {
  const t = useTranslations("opinions.editors");
  return (
    <RevealPanel openLabel={t("edit")} closeLabel={t("closeEdit")}>
      {(close) => <OpinionForm mode="edit" caseId={caseId} companions={companions} opinion={opinion} onDone={close} />}
    </RevealPanel>
  );
}
