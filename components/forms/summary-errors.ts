/** The error summary of a form, from react-hook-form's errors (no tRPC here: the sign-in form uses it). */
import type { FieldErrors, FieldValues, Path } from "react-hook-form";
import type { SummaryError } from "@/components/ui/error-summary";

/** Builds the error summary from react-hook-form's errors, in field order, plus a form-level message. */
export function summaryErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  fieldIds: Partial<Record<Path<T>, string>>,
  formMessage?: string | null,
): SummaryError[] {
  const list: SummaryError[] = [];
  for (const [field, id] of Object.entries(fieldIds) as [string, string][]) {
    const message = (errors as Record<string, { message?: unknown } | undefined>)[field]?.message;
    if (typeof message === "string") list.push({ fieldId: id, message });
  }
  if (formMessage) list.push({ message: formMessage });
  return list;
}
