"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import type { ZDecisionComment } from "@/lib/decision";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

type TComment = z.input<typeof ZDecisionComment>;

/** A comment on the current decision (owner and supporters). */
export function CommentForm({ caseId, decisionId }: { caseId: string; decisionId: string }) {
  const t = useTranslations("decision.comment");
  const client = useTRPCClient();
  const [sent, setSent] = useState(false);
  const form = useForm<TComment>({ resolver: lazyZodResolver(() => import("@/lib/decision").then((m) => m.ZDecisionComment)), defaultValues: { body: "" }, shouldFocusError: false });
  const comment = useCaseMutation(client.decision.comment.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: `decision-comment-${decisionId}`, fields: ["body"] });
  const { errors, isSubmitting } = form.formState;
  const fieldId = `comment-${decisionId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setSent(false);
    if (!(await comment.run({ caseId, decisionId, body: values.body }, { form: { setError: form.setError, fields: ["body"] } })).ok) return;
    form.reset();
    draft.saved();
    setSent(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ErrorSummary errors={summaryErrors(errors, { body: fieldId }, comment.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <TextArea
        id={fieldId}
        label={t("label")}
        hint={t("hint")}
        rows={3}
        error={errors.body?.message}
        {...form.register("body", { onChange: () => setSent(false) })}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {sent ? t("posted") : ""}
      </p>
    </form>
  );
}
