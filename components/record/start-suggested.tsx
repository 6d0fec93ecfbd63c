"use client";
import { useTranslations } from "next-intl";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";

/** Adds the records a second-opinion clinician usually asks for (kinds already listed are skipped). */
export function StartSuggested({ caseId, label }: { caseId: string; label?: string }) {
  const t = useTranslations("records.start");
  const client = useTRPCClient();
  const addSuggested = useCaseMutation(client.record.addSuggested.mutate);
  // Stays "Adding…" after success, until the refreshed page replaces this button with the list.
  const adding = addSuggested.busy || addSuggested.succeeded;

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button disabled={adding} onClick={() => void addSuggested.run({ caseId })}>
          {adding ? t("adding") : (label ?? t("label"))}
        </Button>
      </div>
      <InlineError message={addSuggested.message} />
    </div>
  );
}
