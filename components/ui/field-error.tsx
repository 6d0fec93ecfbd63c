"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";

/** A field's error; a message reference from a zod contract (lib/i18n/message-ref.ts) is put in words here. */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  const t = useTranslations("common");
  const words = useMessageText();
  if (!children) return null;
  return (
    <p id={id} className="text-sm font-semibold text-danger">
      <span className="sr-only">{t("errorPrefix")} </span>
      {typeof children === "string" ? words(children) : children}
    </p>
  );
}
