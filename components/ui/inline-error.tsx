"use client";
import { useMessageText } from "@/components/i18n/use-message-text";

/**
 * A failed action's message next to the control that failed; announced as it appears. A message
 * reference (a fallback from components/forms/form-errors.ts) is put in words here.
 */
export function InlineError({ message }: { message: string | null }) {
  const words = useMessageText();
  return (
    <p role="alert" className="text-sm font-semibold text-danger empty:hidden">
      {message ? words(message) : message}
    </p>
  );
}
