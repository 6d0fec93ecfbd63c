"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { CASE_DETAIL_FIELDS, CaseDetailsFields, caseDetailFieldIds } from "@/components/case/case-details-fields";
import { summaryErrors } from "@/components/forms/form-errors";
import { DraftRestored } from "@/components/forms/draft-restored";
import { NEW_CASE_DRAFTS, useDraft } from "@/components/forms/use-draft";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { SelfCheckAnswers } from "@/components/self-check/self-check-fields";
import type { TCaseDetails } from "@/lib/case";
import { needsSafetyMessage } from "@/lib/vocabulary/self-check";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

/**
 * "Start a new case". With `selfCheck` (the self-check path), the answers are saved with the case;
 * a timing answer starts the case as urgent, and the safety message is already shown above the form.
 */
export function NewCaseForm({ selfCheck }: { selfCheck?: SelfCheckAnswers } = {}) {
  const timingMatters = selfCheck ? needsSafetyMessage(selfCheck.cautions) : false;
  const t = useTranslations("cases.new");
  const client = useTRPCClient();
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  const form = useForm<TCaseDetails>({
    resolver: lazyZodResolver(() => import("@/lib/case").then((m) => m.ZCaseDetails)),
    defaultValues: { patientName: "", title: "", understanding: "", decision: "", urgent: timingMatters },
    shouldFocusError: false,
  });
  // Nothing here to refresh: the person goes on to the new case.
  const create = useCaseMutation(client.case.create.mutate, { refresh: false, createsOnce: true });
  const draft = useDraft(form, { caseId: NEW_CASE_DRAFTS, name: "case-details", fields: ["patientName", "title", "understanding", "decision"] });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const created = await create.run({ ...values, selfCheck }, { form: { setError: form.setError, fields: CASE_DETAIL_FIELDS } });
    if (!created.ok) return;
    draft.saved();
    setLeaving(true);
    router.push(`/cases/${created.data.id}`);
  });

  const busy = isSubmitting || leaving;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, caseDetailFieldIds("new-case"), create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <CaseDetailsFields
        idPrefix="new-case"
        register={form.register}
        control={form.control}
        errors={errors}
        showUrgentNotice={!timingMatters}
      />
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
