"use client";
/** Log a call about an opinion (opened from ./call-log.tsx, its code loaded then). */
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { fromDateInput, toDateInput } from "@/components/forms/local-date-inputs";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { messageRef } from "@/lib/i18n/message-ref";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

function callFormSchema({ z }: typeof import("zod"), { ZCallFields }: typeof import("@/lib/opinion")) {
  return ZCallFields.omit({ calledAt: true }).extend({
    calledAt: z.string().refine((value) => fromDateInput(value) !== null, messageRef("opinions.validation.callDateRequired")),
  });
}
type TCallForm = z.input<ReturnType<typeof callFormSchema>>;
const FIELDS = ["calledAt", "who", "reference", "summary"] as const;

export function CallForm({ caseId, opinionId, onDone }: { caseId: string; opinionId: string; onDone: () => void }) {
  const t = useTranslations("opinions.calls");
  const client = useTRPCClient();
  const form = useForm<TCallForm>({
    resolver: lazyZodResolver(() => Promise.all([import("zod"), import("@/lib/opinion")]).then(([zod, lib]) => callFormSchema(zod, lib))),
    // This form only mounts after a click, in the browser: "today" is the person's own today.
    defaultValues: { calledAt: toDateInput(new Date()), who: "", reference: "", summary: "" },
    shouldFocusError: false,
  });
  const logCall = useCaseMutation(client.opinion.logCall.mutate, { createsOnce: true });
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
      <TextField id={`${prefix}-date`} type="date" label={t("date")} error={errors.calledAt?.message} {...form.register("calledAt")} className="max-w-60" />
      <TextField
        id={`${prefix}-who`}
        label={t("who")}
        hint={t("whoHint")}
        autoComplete="off"
        error={errors.who?.message}
        {...form.register("who")}
      />
      <TextField
        id={`${prefix}-reference`}
        label={t("referenceField")}
        hint={t("referenceHint")}
        autoComplete="off"
        spellCheck={false}
        error={errors.reference?.message}
        {...form.register("reference")}
      />
      <TextArea id={`${prefix}-summary`} label={t("summary")} rows={3} error={errors.summary?.message} {...form.register("summary")} />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("save")}
        busyLabel={t("saving")}
        cancelLabel={t("cancel")}
        onCancel={() => {
          draft.discard();
          onDone();
        }}
      />
    </form>
  );
}
