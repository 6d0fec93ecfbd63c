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
import { NewPasswordField } from "@/components/account/new-password-field";
import type { TChangePasswordInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const EMPTY: TChangePasswordInput = { currentPassword: "", password: "" };

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [changed, setChanged] = useState(false);
  const form = useForm<TChangePasswordInput>({
    resolver: lazyZodResolver(() => import("@/lib/account").then((m) => m.ZChangePasswordInput)),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });
  // Nothing on the page shows the password: no refresh.
  const change = useCaseMutation(client.account.changePassword.mutate, { refresh: false });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setChanged(false);
    if (!(await change.run(values, { form: { setError: form.setError, fields: ["currentPassword", "password"] } })).ok) return;
    form.reset(EMPTY);
    setChanged(true);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary
        errors={summaryErrors(errors, { currentPassword: "current-password", password: "new-password" }, change.message)}
      />
      {changed && (
        <Notice tone="success">
          <p>{t("changePassword.done")}</p>
        </Notice>
      )}
      <TextField
        id="current-password"
        label={t("changePassword.current")}
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword")}
      />
      <NewPasswordField id="new-password" label={t("changePassword.new")} error={errors.password?.message} {...form.register("password")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("shared.saving") : t("changePassword.submit")}
      </Button>
    </form>
  );
}
