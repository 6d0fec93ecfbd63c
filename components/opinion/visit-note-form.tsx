"use client";
/** A note written at a visit (on the visit's page, ./visit-notes.tsx; its code loads on first use). */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormattedTextArea } from "@/components/ui/formatted-text-area";
import type { ZNoteFields } from "@/lib/note";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

type TVisitNoteForm = z.input<ReturnType<typeof ZNoteFields.pick<{ body: true; private: true }>>>;

export function VisitNoteForm({ caseId, opinionId }: { caseId: string; opinionId: string }) {
  const t = useTranslations("opinions.notes");
  const client = useTRPCClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<TVisitNoteForm>({
    resolver: lazyZodResolver(() => import("@/lib/note").then((m) => m.ZNoteFields.pick({ body: true, private: true }))),
    defaultValues: { body: "", private: false },
    shouldFocusError: false,
  });
  const create = useCaseMutation(client.note.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: `visit-note-${opinionId}`, fields: ["body"] });
  const { errors, isSubmitting } = form.formState;
  const prefix = `visit-note-${opinionId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const created = await create.run(
      { caseId, opinionId, body: values.body, private: values.private },
      { form: { setError: form.setError, fields: ["body", "private"] } },
    );
    if (!created.ok) return;
    form.reset();
    draft.saved();
    setSaved(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-title`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={`${prefix}-title`} className="text-lg font-semibold">
        {t("formTitle")}
      </h3>
      <ErrorSummary errors={summaryErrors(errors, { body: `${prefix}-body`, private: `${prefix}-private` }, create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <FormattedTextArea
        id={`${prefix}-body`}
        label={t("note")}
        hint={t("noteHint")}
        rows={5}
        error={errors.body?.message}
        {...form.register("body", { onChange: () => setSaved(false) })}
      />
      <Checkbox
        id={`${prefix}-private`}
        label={t("keepPrivate")}
        hint={t("keepPrivateHint")}
        error={errors.private?.message}
        {...form.register("private")}
      />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
      <p role="status" className="text-sm font-semibold text-brand-700 empty:hidden">
        {saved ? t("saved") : ""}
      </p>
    </form>
  );
}
