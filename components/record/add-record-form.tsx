"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { type TRecordFields, ZRecordFields } from "@/lib/record";
import { privateHintFor, RECORD_FIELDS, RecordFields, recordFieldIds } from "./record-fields";

const ID_PREFIX = "add-record";
const EMPTY: TRecordFields = { title: "", kind: "other", source: "", notes: "", private: false };

/** "Add a record": a record of any kind, from any source, optionally private. */
export function AddRecordForm({ caseId, isOwner }: { caseId: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<TRecordFields>({ resolver: zodResolver(ZRecordFields), defaultValues: EMPTY, shouldFocusError: false });
  const create = useMutation(trpc.record.create.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    setAdded(null);
    try {
      const record = await create.mutateAsync({ caseId, ...values });
      setAdded(record.title);
      form.reset(EMPTY);
      router.refresh();
    } catch (error) {
      setFormMessage(applyServerErrors(error, form.setError, RECORD_FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, recordFieldIds(ID_PREFIX), formMessage)} />
      <RecordFields idPrefix={ID_PREFIX} register={form.register} errors={errors} privateHint={privateHintFor(isOwner)} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add the record"}
        </Button>
      </div>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {added ? `Added "${added}" to the records still needed.` : ""}
      </p>
    </form>
  );
}
