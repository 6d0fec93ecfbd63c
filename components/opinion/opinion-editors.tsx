"use client";
import { useTranslations } from "next-intl";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { OpinionForm, type Companion } from "./opinion-form";
import type { OpinionView } from "@/lib/opinion";

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
  const t = useTranslations("opinions");
  if (startOpen) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
        <OpinionForm mode="create" caseId={caseId} companions={companions} suggestedLabel={suggestedLabel} />
      </div>
    );
  }
  return (
    <RevealPanel openLabel={t("editors.add")} closeLabel={t("editors.closeForm")} defaultOpen={startOpen}>
      {(close) => <OpinionForm mode="create" caseId={caseId} companions={companions} suggestedLabel={suggestedLabel} onDone={close} />}
    </RevealPanel>
  );
}

/** "Edit details" for an opinion (owner and supporters). */
export function EditOpinion({ caseId, opinion, companions }: { caseId: string; opinion: OpinionView; companions: Companion[] }) {
  const t = useTranslations("opinions");
  return (
    <RevealPanel openLabel={t("editors.edit")} closeLabel={t("editors.closeEdit")}>
      {(close) => <OpinionForm mode="edit" caseId={caseId} companions={companions} opinion={opinion} onDone={close} />}
    </RevealPanel>
  );
}
