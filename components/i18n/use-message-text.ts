"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { parseMessageRef, valuesIn } from "@/lib/i18n/message-ref";

/**
 * Words for a message reference (lib/i18n/message-ref.ts) that reached the browser without being translated:
 * a zod contract's message checked in the form. Text that is already words (the server translates its own
 * errors) is shown as it is; a key the catalogue lacks becomes the generic "check this field".
 */
export function useMessageText(): (text: string) => string {
  const t = useTranslations();
  return useCallback(
    (text: string) => {
      const ref = parseMessageRef(text);
      if (!ref) return text;
      const key = ref.key as Parameters<typeof t>[0];
      if (!t.has(key)) return t("validation.invalid");
      return t(key, valuesIn(ref.values, (inner) => (t.has(inner as typeof key) ? t(inner as typeof key) : null)));
    },
    [t],
  );
}
