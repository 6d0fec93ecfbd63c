"use client";
/**
 * The one way a client component changes case data (docs/ARCHITECTURE.md, "One data-flow model"):
 * run the procedure, refresh what the server rendered, and turn a failure into words — next to the
 * form's fields when it is a form, as one message when it is a button. A refused save's CONFLICT
 * goes to the form's version panel instead.
 */
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { actionErrorMessage, applyServerErrors } from "./form-errors";

type Outcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

export function useCaseMutation<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  { refresh = true }: { refresh?: boolean } = {},
) {
  const router = useRouter();
  const mutation = useMutation(options);
  const [message, setMessage] = useState<string | null>(null);

  /**
   * Runs the mutation. On failure: a CONFLICT that `conflict` takes is left to it; a form's field
   * errors go next to its fields; anything else becomes `message`. Never throws.
   */
  async function run<TForm extends FieldValues>(
    variables: TVariables,
    on: { form?: { setError: UseFormSetError<TForm>; fields: readonly Path<TForm>[] }; conflict?: (error: unknown) => boolean } = {},
  ): Promise<Outcome<TData>> {
    setMessage(null);
    try {
      const data = await mutation.mutateAsync(variables);
      if (refresh) router.refresh();
      return { ok: true, data };
    } catch (error) {
      if (!on.conflict?.(error)) {
        setMessage(on.form ? applyServerErrors(error, on.form.setError, on.form.fields) : actionErrorMessage(error));
      }
      return { ok: false, error };
    }
  }

  return { run, message, setMessage, busy: mutation.isPending, succeeded: mutation.isSuccess };
}
