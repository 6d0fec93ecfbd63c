"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { toDateInput } from "@/components/forms/local-date-inputs";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { DECISION_PATHS } from "@/lib/vocabulary/decision";
import type { TDecisionFields } from "@/lib/decision";
import type { DecisionView } from "@/lib/decision";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

const FIELDS = ["path", "reasons", "nextSteps", "decidedOn"] as const;
const ID = "decision";

/** The decision, recorded or changed (opened from components/decision/record-decision.tsx). */
export function DecisionForm({ caseId, current, onDone }: { caseId: string; current: DecisionView | null; onDone: () => void }) {
  const t = useTranslations("decision");
  const client = useTRPCClient();
  const pathOptions = DECISION_PATHS.map((path) => ({ value: path, label: t(`paths.${path}`) }));
  const form = useForm<TDecisionFields>({
    resolver: lazyZodResolver(() => import("@/lib/decision").then((m) => m.ZDecisionFields)),
    // Starts from the current decision, so a small change is a small edit. The form opens on a click,
    // in the browser, so "today" is the person's own today.
    defaultValues: {
      path: current?.path,
      reasons: current?.reasons ?? "",
      nextSteps: current?.nextSteps ?? "",
      decidedOn: toDateInput(new Date()),
    },
    shouldFocusError: false,
  });
  const record = useCaseMutation(client.decision.record.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: "decision", fields: ["reasons", "nextSteps"] });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!(await record.run({ caseId, ...values }, { form: { setError: form.setError, fields: FIELDS } })).ok) return;
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <ErrorSummary
        errors={summaryErrors(
          errors,
          { path: `${ID}-path-${DECISION_PATHS[0]}`, reasons: `${ID}-reasons`, nextSteps: `${ID}-next-steps`, decidedOn: `${ID}-date` },
          record.message,
        )}
      />
      {current && (
        <p className="text-muted">{t("form.keepsHistory")}</p>
      )}
      <RadioGroup id={`${ID}-path`} legend={t("form.path")} options={pathOptions} error={errors.path?.message} inputProps={form.register("path")} />
      <TextArea
        id={`${ID}-reasons`}
        label={t("form.reasons")}
        rows={4}
        error={errors.reasons?.message}
        {...form.register("reasons")}
      />
      <TextArea
        id={`${ID}-next-steps`}
        label={t("form.nextSteps")}
        hint={t("form.nextStepsHint")}
        rows={3}
        error={errors.nextSteps?.message}
        {...form.register("nextSteps")}
      />
      <TextField id={`${ID}-date`} type="date" label={t("form.date")} error={errors.decidedOn?.message} className="max-w-60" {...form.register("decidedOn")} />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("form.submit")}
        busyLabel={t("form.submitting")}
        cancelLabel={t("form.cancel")}
        onCancel={() => {
          draft.discard();
          onDone();
        }}
      />
    </form>
  );
}
