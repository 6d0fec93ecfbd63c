"use client";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { toDateInput } from "@/components/forms/local-date-inputs";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { DECISION_PATHS, DECISION_PATH_LABELS } from "@/lib/vocabulary/decision";
import type { TDecisionFields } from "@/lib/decision";
import type { DecisionView } from "@/lib/decision";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const FIELDS = ["path", "reasons", "nextSteps", "decidedOn"] as const;
const PATH_OPTIONS = DECISION_PATHS.map((path) => ({ value: path, label: DECISION_PATH_LABELS[path] }));
const ID = "decision";

/** The owner records the decision (or a new version of it); earlier versions stay in the history. */
export function RecordDecision({ caseId, current }: { caseId: string; current: DecisionView | null }) {
  return (
    <RevealPanel openLabel={current ? "Record a new version of the decision" : "Record the decision"} closeLabel="Close the form">
      {(close) => <DecisionForm caseId={caseId} current={current} onDone={close} />}
    </RevealPanel>
  );
}

function DecisionForm({ caseId, current, onDone }: { caseId: string; current: DecisionView | null; onDone: () => void }) {
  const client = useTRPCClient();
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
  const record = useCaseMutation(client.decision.record.mutate);
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
        <p className="text-muted">
          Recording keeps the current decision in the history below and adds this one as the current version.
        </p>
      )}
      <RadioGroup id={`${ID}-path`} legend="The path you are taking" options={PATH_OPTIONS} error={errors.path?.message} inputProps={form.register("path")} />
      <TextArea
        id={`${ID}-reasons`}
        label="Your reasons, in your own words (optional)"
        rows={4}
        error={errors.reasons?.message}
        {...form.register("reasons")}
      />
      <TextArea
        id={`${ID}-next-steps`}
        label="Next steps (optional)"
        hint="For example: a follow-up with the original doctor, a test to book, or a question to ask first."
        rows={3}
        error={errors.nextSteps?.message}
        {...form.register("nextSteps")}
      />
      <TextField id={`${ID}-date`} type="date" label="Date of the decision" error={errors.decidedOn?.message} className="max-w-60" {...form.register("decidedOn")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Recording…" : "Record the decision"}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            draft.discard();
            onDone();
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
