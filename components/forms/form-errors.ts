/**
 * Turning form and server errors into field messages and an error summary. The server's messages come
 * in the reader's words already; this file's own fallbacks are message references (lib/i18n/message-ref.ts),
 * which ErrorSummary, FieldError and InlineError put in words (or `useMessageText` where shown otherwise).
 */
import { TRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { messageRef } from "@/lib/i18n/message-ref";

// The summary lives apart so that forms without tRPC (sign-in) do not load the tRPC client for it.
export { summaryErrors } from "./summary-errors";

/**
 * Puts a server's field errors next to their fields; returns the message to show at form level
 * when the error is not about a field this form has.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[] | undefined> | null; code?: string } | undefined;
    let placed = false;
    for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
      if (messages?.[0] && (fields as readonly string[]).includes(field)) {
        setError(field as Path<T>, { type: "server", message: messages[0] });
        placed = true;
      }
    }
    if (placed) return null;
    const firstFieldMessage = Object.values(data?.fieldErrors ?? {}).find((m) => m?.[0])?.[0];
    if (firstFieldMessage) return firstFieldMessage;
    if (data?.code && ["BAD_REQUEST", "NOT_FOUND", "TOO_MANY_REQUESTS"].includes(data.code)) return error.message;
  }
  return messageRef("common.errors.nothingSaved");
}

/** A plain message for a failed action that is not a form (a button such as "Revoke" or "Archive"). */
export function actionErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[] | undefined> | null; code?: string } | undefined;
    const firstFieldMessage = Object.values(data?.fieldErrors ?? {}).find((m) => m?.[0])?.[0];
    if (firstFieldMessage) return firstFieldMessage;
    if (data?.code && ["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "TOO_MANY_REQUESTS"].includes(data.code)) {
      return error.message;
    }
    if (data?.code === "UNAUTHORIZED") return messageRef("common.errors.signedOut");
  }
  return messageRef("common.errors.nothingChanged");
}

/** The server's message about one field, if the error carries one. */
export function serverFieldError(error: unknown, field: string): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined;
  return data?.fieldErrors?.[field]?.[0] ?? null;
}
