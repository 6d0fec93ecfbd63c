"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";

export type SummaryError = { fieldId?: string; message: string };

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus when it
 * appears, so screen-reader and keyboard users learn at once that the form was not sent.
 */
export function ErrorSummary({ errors, title }: { errors: SummaryError[]; title?: string }) {
  const t = useTranslations("common");
  const words = useMessageText();
  const ref = useRef<HTMLDivElement>(null);
  // A page may hold several forms, each with its own summary.
  const titleId = useId();
  const key = errors.map((e) => e.message).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="rounded-lg border-2 border-danger bg-danger-bg p-4"
    >
      <h2 id={titleId} className="text-lg font-bold text-danger">
        {title ?? t("checkTheForm")}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ""}${error.message}`}>
            {error.fieldId ? <a href={`#${error.fieldId}`}>{words(error.message)}</a> : words(error.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}
