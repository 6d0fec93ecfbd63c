"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";

type Impact = { comparisonEntries: number; questions: number; notes: number; calls: number };

/**
 * The owner removes an opinion. First the facts (what goes with it, what stays), fetched fresh,
 * then an in-place confirmation. Not a ConfirmAction: the question waits for the facts, and the
 * button says so meanwhile.
 */
export function DeleteOpinion({ caseId, opinionId, version, label }: { caseId: string; opinionId: string; version: number; label: string }) {
  const t = useTranslations("opinions.delete");
  const client = useTRPCClient();
  const router = useRouter();
  const [impact, setImpact] = useState<Impact | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useReturnFocus(impact !== null, toggle);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The opinion's page is gone after this: go to the list rather than refresh.
  const remove = useCaseMutation(client.opinion.delete.mutate, { refresh: false });

  const onStart = async () => {
    setError(null);
    remove.setMessage(null);
    setChecking(true);
    try {
      const facts = await client.opinion.deletionImpact.query({ caseId, id: opinionId });
      setImpact(facts);
    } catch (e) {
      setError(actionErrorMessage(e));
    } finally {
      setChecking(false);
    }
  };

  const onConfirm = async () => {
    setError(null);
    if ((await remove.run({ caseId, id: opinionId, version })).ok) {
      router.push(`/cases/${caseId}/opinions`);
      router.refresh();
    } else {
      setImpact(null);
    }
  };

  return (
    <div className="flex flex-col gap-3">
      {impact ? (
        <ConfirmStep
          danger
          question={
            <div className="flex flex-col gap-2">
              <p className="font-semibold">{t("question", { label })}</p>
              <p>{t.rich("goes", { entries: impact.comparisonEntries, calls: impact.calls, strong: (chunks) => <strong>{chunks}</strong> })}</p>
              <p>{t.rich("stays", { questions: impact.questions, notes: impact.notes, strong: (chunks) => <strong>{chunks}</strong> })}</p>
              <p>{t("undone")}</p>
            </div>
          }
          confirmLabel={t("confirm")}
          busyLabel={t("deleting")}
          busy={remove.busy || remove.succeeded}
          onConfirm={() => void onConfirm()}
          onCancel={() => setImpact(null)}
        />
      ) : (
        <div>
          <Button ref={toggle} variant="secondary" disabled={checking} onClick={() => void onStart()}>
            {checking ? t("checking") : t("start")}
          </Button>
        </div>
      )}
      <InlineError message={error ?? remove.message} />
    </div>
  );
}
