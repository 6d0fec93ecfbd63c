"use client";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { OpinionForm } from "./opinion-form";
import type { OpinionView } from "./opinion-types";

/** "Add an opinion": the form opens in place; open from the start when there is none yet. */
export function AddOpinion({ caseId, suggestedLabel, startOpen }: { caseId: string; suggestedLabel: string; startOpen: boolean }) {
  return (
    <RevealPanel openLabel="Add an opinion" closeLabel="Close the form" defaultOpen={startOpen}>
      {(close) => <OpinionForm mode="create" caseId={caseId} suggestedLabel={suggestedLabel} onDone={startOpen ? undefined : close} />}
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
