"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { CASE_DETAIL_FIELDS, CaseDetailsFields, caseDetailFieldIds } from "@/components/case/case-details-fields";
import { conflictCurrent } from "@/components/forms/conflict";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { CaseView, TCaseDetails, ZCaseView } from "@/lib/case";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";

const ID_PREFIX = "edit-case";

const detailsOf = ({ patientName, title, understanding, decision, urgent }: CaseView): TCaseDetails => ({
  patientName,
  title,
  understanding,
  decision,
  urgent,
});

/**
 * The owner edits the case details. `version` is the one being edited: if someone else saved in the
 * meantime, the server refuses, and the person sees the other version next to their own text, which
 * is kept, and chooses what to do.
 */
export function CaseDetailsForm({
  caseId,
  details,
  version,
  onDone,
}: {
  caseId: string;
  details: TCaseDetails;
  version: number;
  onDone: () => void;
}) {
  const t = useTranslations("cases.details");
  const common = useTranslations("common");
  const client = useTRPCClient();
  const form = useForm<TCaseDetails>({
    resolver: lazyZodResolver(() => import("@/lib/case").then((m) => m.ZCaseDetails)),
    defaultValues: details,
    shouldFocusError: false,
  });
  const update = useCaseMutation(client.case.update.mutate);
  const draft = useDraft(form, { caseId, name: "case-details", fields: ["patientName", "title", "understanding", "decision"] });
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<CaseView>({
    // No live "changed while you were editing" panel here (this form never had one): a newer
    // version still refuses the save, and the refusal shows theirs.
    saved: null,
    initialVersion: version,
    isDirty,
    load: (row) => form.reset(detailsOf(row)),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await update.run(
      { caseId, ...values, version: edit.baseVersion },
      { form: { setError: form.setError, fields: CASE_DETAIL_FIELDS }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZCaseView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, caseDetailFieldIds(ID_PREFIX), update.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts
        edit={edit}
        rows={(row) => [
          [t("patientName"), row.patientName],
          [t("title"), row.title],
          [t("understanding"), row.understanding],
          [t("decision"), row.decision],
          [t("feelsUrgent"), row.urgent ? common("yes") : common("no")],
        ]}
      />
      <CaseDetailsFields
        idPrefix={ID_PREFIX}
        register={form.register}
        control={form.control}
        errors={errors}
        showUrgentNotice={!details.urgent}
      />
      <SaveOrCancel
        busy={isSubmitting}
        label={t("save")}
        busyLabel={common("saving")}
        cancelLabel={common("cancel")}
        onCancel={() => {
          draft.discard();
          onDone();
        }}
      />
    </form>
  );
}
