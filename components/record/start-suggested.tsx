"use client";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";

/** Starts an empty list from the records a second-opinion clinician usually asks for. */
export function StartSuggested({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const addSuggested = useCaseMutation(trpc.record.addSuggested.mutationOptions());
  // Stays "Adding…" after success, until the refreshed page replaces this button with the list.
  const adding = addSuggested.busy || addSuggested.succeeded;

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button disabled={adding} onClick={() => void addSuggested.run({ caseId })}>
          {adding ? "Adding the usual records…" : "Start from the usual list"}
        </Button>
      </div>
      <InlineError message={addSuggested.message} />
    </div>
  );
}
