"use client";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { fromDateInput, toDateInput } from "@/components/forms/local-date-inputs";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { CallView } from "@/lib/opinion";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

/** The form keeps the date as the text of a date input. Built when the form first validates (lazyZodResolver). */
function callFormSchema({ z }: typeof import("zod"), { ZCallFields }: typeof import("@/lib/opinion")) {
  return ZCallFields.omit({ calledAt: true }).extend({
    calledAt: z.string().refine((value) => fromDateInput(value) !== null, "Enter the date of the call."),
  });
}
type TCallForm = z.input<ReturnType<typeof callFormSchema>>;
const FIELDS = ["calledAt", "who", "reference", "summary"] as const;

/** Calls with the insurer or the clinic about this opinion, newest first, and a form to log one. */
export function CallLog({
  caseId,
  opinionId,
  calls,
  canEdit,
}: {
  caseId: string;
  opinionId: string;
  calls: CallView[];
  canEdit: boolean;
}) {
  return (
    <div className="flex flex-col gap-4">
      {calls.length === 0 ? (
        <p className="text-muted">No calls logged yet.</p>
      ) : (
        <ol aria-label="Logged calls, newest first" className="flex flex-col gap-3">
          {calls.map((call) => (
            <CallItem key={call.id} caseId={caseId} call={call} canEdit={canEdit} />
          ))}
        </ol>
      )}
      {canEdit && (
        <RevealPanel openLabel="Log a call" closeLabel="Close the form">
          {(close) => <CallForm caseId={caseId} opinionId={opinionId} onDone={close} />}
        </RevealPanel>
      )}
    </div>
  );
}

function CallItem({ caseId, call, canEdit }: { caseId: string; call: CallView; canEdit: boolean }) {
  const client = useTRPCClient();
  const remove = useCaseMutation(client.opinion.deleteCall.mutate);

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
      <p className="font-semibold">
        <LocalDate date={call.calledAt} /> · {call.who}
      </p>
      <dl className="flex flex-col gap-1">
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-semibold">Reference number:</dt>
          <dd className="break-all">{call.reference || <span className="text-muted">None given</span>}</dd>
        </div>
        <div>
          <dt className="font-semibold">What was said</dt>
          <dd className="whitespace-pre-wrap break-words">{call.summary || <span className="text-muted">Not written down.</span>}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">Logged by {call.authorName ?? "a former member"}</p>
      {canEdit && (
        <ConfirmAction
          label={
            <>
              Remove<span className="sr-only"> the call with {call.who}</span>
            </>
          }
          danger
          question={
            <p>
              Remove the call with <strong>{call.who}</strong> from the log? This cannot be undone.
            </p>
          }
          confirmLabel="Yes, remove this call"
          busyLabel="Removing…"
          busy={remove.busy || remove.succeeded}
          error={remove.message}
          onConfirm={() => remove.run({ caseId, callId: call.id })}
        />
      )}
    </li>
  );
}

function CallForm({ caseId, opinionId, onDone }: { caseId: string; opinionId: string; onDone: () => void }) {
  const client = useTRPCClient();
  const form = useForm<TCallForm>({
    resolver: lazyZodResolver(() => Promise.all([import("zod"), import("@/lib/opinion")]).then(([zod, lib]) => callFormSchema(zod, lib))),
    // This form only mounts after a click, in the browser: "today" is the person's own today.
    defaultValues: { calledAt: toDateInput(new Date()), who: "", reference: "", summary: "" },
    shouldFocusError: false,
  });
  const logCall = useCaseMutation(client.opinion.logCall.mutate);
  const draft = useDraft(form, { caseId, name: `call-${opinionId}`, fields: ["who", "reference", "summary"] });
  const { errors, isSubmitting } = form.formState;
  const prefix = `call-${opinionId}`;

  const onSubmit = form.handleSubmit(async ({ calledAt, ...values }) => {
    const date = fromDateInput(calledAt);
    if (!date) return;
    const logged = await logCall.run({ caseId, opinionId, calledAt: date, ...values }, { form: { setError: form.setError, fields: FIELDS } });
    if (!logged.ok) return;
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <ErrorSummary
        errors={summaryErrors(
          errors,
          { calledAt: `${prefix}-date`, who: `${prefix}-who`, reference: `${prefix}-reference`, summary: `${prefix}-summary` },
          logCall.message,
        )}
      />
      <TextField id={`${prefix}-date`} type="date" label="Date of the call" error={errors.calledAt?.message} {...form.register("calledAt")} className="max-w-60" />
      <TextField
        id={`${prefix}-who`}
        label="Who you spoke with"
        hint="For example: the insurer, the clinic's billing office, or a person's name."
        autoComplete="off"
        error={errors.who?.message}
        {...form.register("who")}
      />
      <TextField
        id={`${prefix}-reference`}
        label="Reference number (optional)"
        hint="Insurers often give one; it helps if you need to call back."
        autoComplete="off"
        spellCheck={false}
        error={errors.reference?.message}
        {...form.register("reference")}
      />
      <TextArea id={`${prefix}-summary`} label="What was said (optional)" rows={3} error={errors.summary?.message} {...form.register("summary")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save this call"}
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
