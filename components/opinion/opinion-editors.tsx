"use client";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { OpinionForm } from "./opinion-form";
import type { OpinionView } from "@/lib/opinion";

/** "Add an opinion": the form opens in place; while there is no opinion yet, it is simply there. */
export function AddOpinion({ caseId, suggestedLabel, startOpen }: { caseId: string; suggestedLabel: string; startOpen: boolean }) {
  if (startOpen) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
        <OpinionForm mode="create" caseId={caseId} suggestedLabel={suggestedLabel} />
      </div>
    );
  }
  return (
    <RevealPanel openLabel="Add an opinion" closeLabel="Close the form" defaultOpen={startOpen}>
      {(close) => <OpinionForm mode="create" caseId={caseId} suggestedLabel={suggestedLabel} onDone={close} />}
    </RevealPanel>
  );
}

/** "Edit details" for an opinion (owner and supporters). */
export function EditOpinion({ caseId, opinion }: { caseId: string; opinion: OpinionView }) {
  return (
    <RevealPanel openLabel="Edit details" closeLabel="Close editing">
      {(close) => <OpinionForm mode="edit" caseId={caseId} opinion={opinion} onDone={close} />}
    </RevealPanel>
  );
}
