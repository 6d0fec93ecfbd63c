"use client";
import { useTranslations } from "next-intl";
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
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { CallView } from "@/lib/opinion";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { messageRef } from "@/lib/i18n/message-ref";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

/** The form keeps the date as the text of a date input. Built when the form first validates (lazyZodResolver). */
function callFormSchema({ z }: typeof import("zod"), { ZCallFields }: typeof import("@/lib/opinion")) {
  return ZCallFields.omit({ calledAt: true }).extend({
    calledAt: z.string().refine((value) => fromDateInput(value) !== null, messageRef("opinions.validation.callDateRequired")),
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
  const t = useTranslations("opinions");
  return (
    <div className="flex flex-col gap-4">
      {calls.length === 0 ? (
        <p className="text-muted">{t("calls.none")}</p>
      ) : (
        <ol aria-label={t("calls.listLabel")} className="flex flex-col gap-3">
          {calls.map((call) => (
            <CallItem key={call.id} caseId={caseId} call={call} canEdit={canEdit} />
          ))}
        </ol>
      )}
      {canEdit && (
        <RevealPanel openLabel={t("calls.log")} closeLabel={t("calls.closeForm")}>
          {(close) => <CallForm caseId={caseId} opinionId={opinionId} onDone={close} />}
        </RevealPanel>
      )}
    </div>
  );
}

function CallItem({ caseId, call, canEdit }: { caseId: string; call: CallView; canEdit: boolean }) {
  const t = useTranslations("opinions");
  const client = useTRPCClient();
  const remove = useCaseMutation(client.opinion.deleteCall.mutate);

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
      <p className="font-semibold">
        {t.rich("calls.heading", { who: call.who, date: () => <LocalDate date={call.calledAt} /> })}
      </p>
      <dl className="flex flex-col gap-1">
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-semibold">{t("calls.reference")}</dt>
          <dd className="break-all">{call.reference || <span className="text-muted">{t("calls.noReference")}</span>}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("calls.said")}</dt>
          <dd className="whitespace-pre-wrap break-words">{call.summary || <span className="text-muted">{t("calls.notWritten")}</span>}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">{call.authorName ? t("calls.loggedBy", { name: call.authorName }) : t("calls.loggedByFormer")}</p>
      {canEdit && (
        <ConfirmAction
          label={t.rich("calls.remove", { who: call.who, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          danger
          question={
            <p>{t.rich("calls.removeQuestion", { who: call.who, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          }
          confirmLabel={t("calls.removeConfirm")}
          busyLabel={t("calls.removing")}
          busy={remove.busy || remove.succeeded}
          error={remove.message}
          onConfirm={() => remove.run({ caseId, callId: call.id })}
        />
      )}
    </li>
  );
}

function CallForm({ caseId, opinionId, onDone }: { caseId: string; opinionId: string; onDone: () => void }) {
  const t = useTranslations("opinions");
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
      <TextField id={`${prefix}-date`} type="date" label={t("calls.date")} error={errors.calledAt?.message} {...form.register("calledAt")} className="max-w-60" />
      <TextField
        id={`${prefix}-who`}
        label={t("calls.who")}
        hint={t("calls.whoHint")}
        autoComplete="off"
        error={errors.who?.message}
        {...form.register("who")}
      />
      <TextField
        id={`${prefix}-reference`}
        label={t("calls.referenceField")}
        hint={t("calls.referenceHint")}
        autoComplete="off"
        spellCheck={false}
        error={errors.reference?.message}
        {...form.register("reference")}
      />
      <TextArea id={`${prefix}-summary`} label={t("calls.summary")} rows={3} error={errors.summary?.message} {...form.register("summary")} />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("calls.save")}
        busyLabel={t("calls.saving")}
        cancelLabel={t("calls.cancel")}
        onCancel={() => {
          draft.discard();
          onDone();
        }}
      />
    </form>
  );
}
