"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import type { TRequestPasswordResetInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

export function ForgotPasswordForm() {
  const t = useTranslations("signIn");
  const client = useTRPCClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<TRequestPasswordResetInput>({
    resolver: lazyZodResolver(() => import("@/lib/account").then((m) => m.ZRequestPasswordResetInput)),
    defaultValues: { email: "" },
    shouldFocusError: false,
  });
  const request = useCaseMutation(client.account.requestPasswordReset.mutate, { refresh: false });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if ((await request.run(values, { form: { setError: form.setError, fields: ["email"] } })).ok) setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <Notice tone="success">
        <p>{t.rich("forgot.sent", { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, { email: "email" }, request.message)} />
      <TextField
        id="email"
        label={t("shared.email")}
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("shared.sending") : t("forgot.submit")}
      </Button>
    </form>
  );
}
