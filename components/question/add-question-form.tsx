"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import type { TQuestionFields, ZQuestionFields } from "@/lib/question";
import type { VisitOption } from "./types";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const FIELD_ID = "new-question-text";

/** A person writes a question of their own; it goes to the end of the list. */
export function AddQuestionForm({ caseId, visits }: { caseId: string; visits: VisitOption[] }) {
  const t = useTranslations("questions.addForm");
  const client = useTRPCClient();
  const [added, setAdded] = useState("");
  const form = useForm<TQuestionFields, unknown, z.output<typeof ZQuestionFields>>({
    resolver: lazyZodResolver(() => import("@/lib/question").then((m) => m.ZQuestionFields)),
    defaultValues: { text: "", opinionId: null },
    shouldFocusError: false,
  });
  const create = useCaseMutation(client.question.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: "question-new", fields: ["text"] });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded("");
    const created = await create.run(
      { caseId, text: values.text, opinionId: values.opinionId },
      { form: { setError: form.setError, fields: ["text"] } },
    );
    if (!created.ok) return;
    form.reset({ text: "", opinionId: values.opinionId });
    draft.saved();
    setAdded(t("added"));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summaryErrors(errors, { text: FIELD_ID }, create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <TextArea
        id={FIELD_ID}
        label={t("label")}
        hint={t("hint")}
        rows={3}
        error={errors.text?.message}
        {...form.register("text", { onChange: () => setAdded("") })}
      />
      {visits.length > 0 && (
        <SelectField
          id="new-question-visit"
          label={t("visit")}
          className="max-w-sm"
          options={[{ value: "", label: t("noVisit") }, ...visits.map((v) => ({ value: v.id, label: v.label }))]}
          {...form.register("opinionId", { setValueAs: (v: string | null) => (v ? v : null) })}
        />
      )}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("adding") : t("submit")}
        </Button>
      </div>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {added}
      </p>
    </form>
  );
}
