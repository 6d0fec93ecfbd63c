"use client";
import { useTranslations } from "next-intl";
import { forwardRef, type ComponentProps } from "react";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN_LENGTH } from "@/lib/vocabulary/account";

/** Where someone chooses a password: the browser may suggest a strong one, and the hint says how long it must be. */
export const NewPasswordField = forwardRef<HTMLInputElement, Omit<ComponentProps<typeof TextField>, "type" | "autoComplete" | "hint">>(function NewPasswordField(props, ref) {
  const t = useTranslations("signIn");
  return <TextField ref={ref} type="password" autoComplete="new-password" hint={t("shared.newPasswordHint", { min: PASSWORD_MIN_LENGTH })} {...props} />;
});
