"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TRecordFields } from "@/lib/record";
import { privateHintFor, RECORD_FIELDS, RECORD_TEXT_FIELDS, RecordFields, recordFieldIds } from "./record-fields";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const ID_PREFIX = "add-record";
const EMPTY: TRecordFields = { title: "", kind: "other", source: "", notes: "", private: false };

/** "Add a record": a record of any kind, from any source, optionally private. */
export function AddRecordForm({ caseId, isOwner }: { caseId: string; isOwner: boolean }) {
  const t = useTranslations("records.add");
  const fields = useTranslations("records.fields");
  const client = useTRPCClient();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<TRecordFields>({ resolver: lazyZodResolver(() => import("@/lib/record").then((m) => m.ZRecordFields)), defaultValues: EMPTY, shouldFocusError: false });
  const create = useCaseMutation(client.record.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: "record-new", fields: RECORD_TEXT_FIELDS });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(null);
    const created = await create.run({ caseId, ...values }, { form: { setError: form.setError, fields: RECORD_FIELDS } });
    if (!created.ok) return;
    setAdded(created.data.title);
    form.reset(EMPTY);
    draft.saved();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, recordFieldIds(ID_PREFIX), create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <RecordFields idPrefix={ID_PREFIX} register={form.register} errors={errors} privateHint={privateHintFor(isOwner, fields)} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("adding") : t("submit")}
        </Button>
      </div>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {added ? t("added", { title: added }) : ""}
      </p>
    </form>
  );
}
