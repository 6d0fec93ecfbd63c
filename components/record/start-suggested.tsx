"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";

/** Starts an empty list from the records a second-opinion clinician usually asks for. */
export function StartSuggested({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const addSuggested = useMutation(trpc.record.addSuggested.mutationOptions());

  const onClick = () => {
    setError(null);
    addSuggested.mutate(
      { caseId },
      { onSuccess: () => router.refresh(), onError: (e) => setError(actionErrorMessage(e)) },
    );
  };

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button disabled={addSuggested.isPending || addSuggested.isSuccess} onClick={onClick}>
          {addSuggested.isPending || addSuggested.isSuccess ? "Adding the usual records…" : "Start from the usual list"}
        </Button>
      </div>
      <InlineError message={error} />
    </div>
  );
}
