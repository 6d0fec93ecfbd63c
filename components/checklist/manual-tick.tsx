"use client";
import { useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import type { ManualChecklistItem } from "@/lib/vocabulary/checklist";

/**
 * A checklist item ticked by hand: the box shows the new state at once and goes back if saving fails.
 * It is never disabled while saving, since a disabled box would drop keyboard focus.
 */
export function ManualTick({ caseId, item, text, done }: { caseId: string; item: ManualChecklistItem; text: string; done: boolean }) {
  const client = useTRPCClient();
  const [checked, setChecked] = useState(done);
  // Someone else's change arrives as a new `done` after a refresh: follow it without remounting,
  // so the box keeps keyboard focus.
  const [savedDone, setSavedDone] = useState(done);
  if (done !== savedDone) {
    setSavedDone(done);
    setChecked(done);
  }
  const setTick = useCaseMutation(client.checklist.setTick.mutate);
  const error = setTick.message;
  const id = `tick-${item}`;

  const onChange = async (next: boolean) => {
    if (setTick.busy) return;
    setChecked(next);
    if (!(await setTick.run({ caseId, item, ticked: next })).ok) setChecked(!next);
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-busy={setTick.busy || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => void onChange(event.target.checked)}
          className="mt-1 size-6 shrink-0 accent-brand-600"
        />
        <label htmlFor={id} className="min-h-8 font-semibold">
          {text}
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
