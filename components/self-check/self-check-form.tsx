"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { conflictCurrent } from "@/components/forms/conflict";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { SelfCheckView, ZSelfCheckView } from "@/lib/self-check";
import { SafetyAlert } from "./safety-alert";
import { SelfCheckFields, type SelfCheckAnswers } from "./self-check-fields";
import { SelfCheckSummary } from "./self-check-summary";

/**
 * The case's self-check, for the owner and supporters. The safety message shows the moment a timing
 * answer is ticked, before saving; saving such answers marks the case urgent.
 */
export function SelfCheckForm({ caseId, saved }: { caseId: string; saved: SelfCheckView | null }) {
  const t = useTranslations("selfCheck");
  const client = useTRPCClient();
  const [answers, setAnswers] = useState<SelfCheckAnswers>({
    situations: saved?.situations ?? [],
    cautions: saved?.cautions ?? [],
  });
  const [status, setStatus] = useState("");
  const save = useCaseMutation(client.selfCheck.save.mutate);
  // The form stays open after a save, and that save is the version the next one edits: the edit
  // follows this form's own saves only, taking each quietly and leaving the answers as ticked.
  // Someone else's newer answers show when a save is refused.
  const [ownSave, setOwnSave] = useState<SelfCheckView | null>(null);
  const edit = useVersionedEdit<SelfCheckView>({
    saved: ownSave,
    initialVersion: saved?.version ?? 0,
    isDirty: false,
    load: (row) => {
      if (row !== ownSave) setAnswers({ situations: row.situations, cautions: row.cautions });
    },
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    const result = await save.run(
      { caseId, ...answers, version: edit.baseVersion },
      { conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZSelfCheckView>(error)) },
    );
    if (!result.ok) return;
    setOwnSave(result.data);
    edit.saved();
    setStatus(result.data.urgent ? t("form.savedUrgent") : t("form.saved"));
  };

  const onChange = (next: SelfCheckAnswers) => {
    setAnswers(next);
    setStatus("");
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <SafetyAlert cautions={answers.cautions} />
      <ErrorSummary errors={save.message ? [{ message: save.message }] : []} title={t("form.notSaved")} />
      <VersionConflicts
        edit={edit}
        rows={(theirs) => [
          [t("answers.timing"), theirs.cautions.map((c) => t(`cautions.${c}.label`)).join("; ")],
          [t("answers.situations"), theirs.situations.map((s) => t(`situations.${s}.label`)).join("; ")],
        ]}
      />
      <SelfCheckFields idPrefix="self-check" value={answers} onChange={onChange} />
      <SelfCheckSummary situations={answers.situations} cautions={answers.cautions} />
      <div className="flex flex-col gap-2">
        <div>
          <Button type="submit" disabled={save.busy}>
            {save.busy ? t("form.saving") : t("form.save")}
          </Button>
        </div>
        <p role="status" className="font-semibold text-brand-700 empty:hidden">
          {status}
        </p>
      </div>
    </form>
  );
}
