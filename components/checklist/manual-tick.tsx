"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ManualChecklistItem } from "@/lib/checklist";

/**
 * A checklist item ticked by hand: the box shows the new state at once and goes back if saving fails.
 * It is never disabled while saving, since a disabled box would drop keyboard focus.
 */
export function ManualTick({ caseId, item, text, done }: { caseId: string; item: ManualChecklistItem; text: string; done: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [checked, setChecked] = useState(done);
  // Someone else's change arrives as a new `done` after a refresh: follow it without remounting,
  // so the box keeps keyboard focus.
  const [savedDone, setSavedDone] = useState(done);
  if (done !== savedDone) {
    setSavedDone(done);
    setChecked(done);
  }
  const [error, setError] = useState<string | null>(null);
  const setTick = useMutation(trpc.checklist.setTick.mutationOptions());
  const id = `tick-${item}`;

  const onChange = async (next: boolean) => {
    if (setTick.isPending) return;
    setChecked(next);
    setError(null);
    try {
      await setTick.mutateAsync({ caseId, item, ticked: next });
      router.refresh();
    } catch (failure) {
      setChecked(!next);
      setError(actionErrorMessage(failure));
    }
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-busy={setTick.isPending || undefined}
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
