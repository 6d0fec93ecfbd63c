"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { conflictCurrent } from "@/components/forms/conflict";
import { summaryErrors } from "@/components/forms/form-errors";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import type { ComparisonCellCurrent, ComparisonCellView, ComparisonColumnView, TCellFields, ZComparisonCellCurrent } from "@/lib/comparison";
import type { ComparisonAspect } from "@/lib/vocabulary/comparison";

/** Writing one entry of the grid; loaded when someone opens it, so the grid's first load has no form code. */
export function CellForm({
  caseId,
  aspect,
  opinion,
  cell,
  where,
  fieldId,
  onDone,
}: {
  caseId: string;
  aspect: ComparisonAspect;
  opinion: ComparisonColumnView;
  cell: ComparisonCellView | null;
  where: string;
  fieldId: string;
  onDone: () => void;
}) {
  const t = useTranslations("comparison.cell");
  const client = useTRPCClient();
  const form = useForm<TCellFields>({
    resolver: lazyZodResolver(() => import("@/lib/comparison").then((m) => m.ZCellFields)),
    defaultValues: { text: cell?.text ?? "" },
    shouldFocusError: false,
  });
  const save = useCaseMutation(client.comparison.saveCell.mutate);
  const draft = useDraft(form, { caseId, name: `cell-${opinion.id}-${aspect}`, fields: ["text"] });
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<ComparisonCellCurrent>({
    saved: cell,
    // A cell nobody has written yet has no row: its first save names version 0.
    initialVersion: cell?.version ?? 0,
    isDirty,
    load: (row) => form.reset({ text: row.text }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await save.run(
      { caseId, opinionId: opinion.id, aspect, text: values.text, version: edit.baseVersion },
      { form: { setError: form.setError, fields: ["text"] }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZComparisonCellCurrent>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, save.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts
        edit={edit}
        rows={(row) => [[row.updatedByName ? t("whatSaved", { name: row.updatedByName }) : t("whatWasSaved"), row.text]]}
        changedBy={(row) => row.updatedByName ?? null}
      />
      <TextArea id={fieldId} label={where} rows={4} autoFocus error={errors.text?.message} {...form.register("text")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            draft.discard();
            onDone();
          }}
        >
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
