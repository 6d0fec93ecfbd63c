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
import type { TNoteFields, ZNoteFields } from "@/lib/note";
import { NOTE_FIELDS, NoteFields, noteFieldIds } from "./note-fields";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const ID_PREFIX = "new-note";

/** Write a note; it appears at the top of the list. */
export function NewNoteForm({ caseId, visits }: { caseId: string; visits: { id: string; label: string }[] }) {
  const t = useTranslations("notes.forms");
  const client = useTRPCClient();
  const [saved, setSaved] = useState("");
  const form = useForm<TNoteFields, unknown, z.output<typeof ZNoteFields>>({
    resolver: lazyZodResolver(() => import("@/lib/note").then((m) => m.ZNoteFields)),
    defaultValues: { body: "", private: false, opinionId: null },
    shouldFocusError: false,
  });
  const create = useCaseMutation(client.note.create.mutate, { createsOnce: true });
  const draft = useDraft(form, { caseId, name: "note-new", fields: ["body"] });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved("");
    const created = await create.run(
      { caseId, body: values.body, private: values.private, opinionId: values.opinionId },
      { form: { setError: form.setError, fields: NOTE_FIELDS } },
    );
    if (!created.ok) return;
    form.reset({ body: "", private: false, opinionId: values.opinionId });
    draft.saved();
    setSaved(values.private ? t("savedPrivate") : t("saved"));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" onChange={() => setSaved("")}>
      <ErrorSummary errors={summaryErrors(errors, noteFieldIds(ID_PREFIX), create.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <NoteFields idPrefix={ID_PREFIX} register={form.register} errors={errors} visits={visits} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {saved}
      </p>
    </form>
  );
}
