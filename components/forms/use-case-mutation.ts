"use client";
/**
 * The one way a client component changes case data (docs/ARCHITECTURE.md, "One data-flow model"):
 * run the procedure, refresh what the server rendered, and turn a failure into words — next to the
 * form's fields when it is a form, as one message when it is a button. A refused save's CONFLICT
 * goes to the form's version panel instead.
 */
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { actionErrorMessage, applyServerErrors } from "./form-errors";

type Outcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

/** `procedure` is a tRPC client mutation: `useCaseMutation(client.note.create.mutate)`. */
export function useCaseMutation<TVariables, TData>(
  procedure: (variables: TVariables) => Promise<TData>,
  { refresh = true }: { refresh?: boolean } = {},
) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "succeeded" | "failed">("idle");
  const [message, setWords] = useState<string | null>(null);
  // Fallback messages are message references (form-errors.ts): kept in words here, so every caller shows text.
  const words = useMessageText();
  const setMessage = useCallback((text: string | null) => setWords(text === null ? null : words(text)), [words]);

  /**
   * Runs the mutation. On failure: a CONFLICT that `conflict` takes is left to it; a form's field
   * errors go next to its fields; anything else becomes `message`. Never throws.
   */
  async function run<TForm extends FieldValues>(
    variables: TVariables,
    on: { form?: { setError: UseFormSetError<TForm>; fields: readonly Path<TForm>[] }; conflict?: (error: unknown) => boolean } = {},
  ): Promise<Outcome<TData>> {
    setMessage(null);
    setState("busy");
    try {
      const data = await procedure(variables);
      setState("succeeded");
      if (refresh) router.refresh();
      return { ok: true, data };
    } catch (error) {
      setState("failed");
      if (!on.conflict?.(error)) {
        setMessage(on.form ? applyServerErrors(error, on.form.setError, on.form.fields) : actionErrorMessage(error));
      }
      return { ok: false, error };
    }
  }

  return { run, message, setMessage, busy: state === "busy", succeeded: state === "succeeded" };
}
