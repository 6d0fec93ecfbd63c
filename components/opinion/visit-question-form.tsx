"use client";
/** A question added at a visit (on the visit's page, ./visit-questions.tsx; its code loads on first use). */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import type { ZQuestionFields } from "@/lib/question";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

type TVisitQuestionForm = z.input<ReturnType<typeof ZQuestionFields.pick<{ text: true }>>>;

export function VisitQuestionForm({ caseId, opinionId }: { caseId: string; opinionId: string }) {
  const t = useTranslations("opinions.questions");
  const client = useTRPCClient();
  const [added, setAdded] = useState(false);
  const form = useForm<TVisitQuestionForm>({
    resolver: lazyZodResolver(() => import("@/lib/question").then((m) => m.ZQuestionFields.pick({ text: true }))),
    defaultValues: { text: "" },
    shouldFocusError: false,
  });
  const create = useCaseMutation(client.question.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: `visit-question-${opinionId}`, fields: ["text"] });
  const { errors, isSubmitting } = form.formState;
  const fieldId = `visit-question-${opinionId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(false);
    const created = await create.run({ caseId, text: values.text, opinionId }, { form: { setError: form.setError, fields: ["text"] } });
    if (!created.ok) return;
    form.reset();
    draft.saved();
    setAdded(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${fieldId}-title`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={`${fieldId}-title`} className="text-lg font-semibold">
        {t("formTitle")}
      </h3>
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <TextArea
        id={fieldId}
        label={t("yourQuestion")}
        rows={2}
        error={errors.text?.message}
        {...form.register("text", { onChange: () => setAdded(false) })}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("adding") : t("add")}
        </Button>
      </div>
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {added ? t("added") : ""}
      </p>
    </form>
  );
}
