"use client";
/**
 * The one way a client component changes case data (docs/ARCHITECTURE.md, "One data-flow model"):
 * run the procedure, refresh what the server rendered, and turn a failure into words — next to the
 * form's fields when it is a form, as one message when it is a button. A refused save's CONFLICT
 * goes to the form's version panel instead.
 */
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { actionErrorMessage, applyServerErrors } from "./form-errors";

type Outcome<T> = { ok: true; data: T } | { ok: false; error: unknown };

/**
 * Whether the server has definitely refused a request (a 4xx answer: invalid, forbidden, stale,
 * throttled), so nothing of it was written. Anything else — a 503, a timeout, a lost connection —
 * may have been written after all.
 */
function refused(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** A random UUID; `crypto.randomUUID` exists in secure contexts only (https or localhost), so plain http builds one. */
function newSubmissionId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `procedure` is a tRPC client mutation: `useCaseMutation(client.note.create.mutate)`.
 * `createsOnce`: the procedure creates a row (it takes `submissionId`, lib/fields.ts `ZSubmission`).
 * Each submission gets an id, made once and sent again when the same submission is retried after a
 * 503, a timeout or a network error — so a save that went through before its answer was lost returns
 * that row instead of writing a second one (docs/decisions/0032). A new id follows a success or a
 * definite refusal.
 */
export function useCaseMutation<TVariables, TData>(
  procedure: (variables: TVariables) => Promise<TData>,
  { refresh = true, createsOnce = false }: { refresh?: boolean; createsOnce?: boolean } = {},
) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "succeeded" | "failed">("idle");
  const [message, setWords] = useState<string | null>(null);
  // Fallback messages are message references (form-errors.ts): kept in words here, so every caller shows text.
  const words = useMessageText();
  const setMessage = useCallback((text: string | null) => setWords(text === null ? null : words(text)), [words]);
  const submission = useRef<string | null>(null);

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
    if (createsOnce) submission.current ??= newSubmissionId();
    const sent = createsOnce ? ({ ...variables, submissionId: submission.current } as TVariables) : variables;
    try {
      const data = await procedure(sent);
      submission.current = null;
      setState("succeeded");
      if (refresh) router.refresh();
      return { ok: true, data };
    } catch (error) {
      if (refused(error)) submission.current = null;
      setState("failed");
      if (!on.conflict?.(error)) {
        setMessage(on.form ? applyServerErrors(error, on.form.setError, on.form.fields) : actionErrorMessage(error));
      }
      return { ok: false, error };
    }
  }

  return { run, message, setMessage, busy: state === "busy", succeeded: state === "succeeded" };
}
