"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { NewPasswordField } from "@/components/account/new-password-field";
import type { TResetPasswordInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("signIn");
  const client = useTRPCClient();
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const form = useForm<TResetPasswordInput>({
    resolver: lazyZodResolver(() => import("@/lib/account").then((m) => m.ZResetPasswordInput)),
    defaultValues: { token, password: "" },
    shouldFocusError: false,
  });
  const reset = useCaseMutation(client.account.resetPassword.mutate, { refresh: false });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const done = await reset.run(values, { form: { setError: form.setError, fields: ["password"] } });
    if (done.ok) setDoneFor(done.data.email);
  });

  if (doneFor) {
    return (
      <Notice tone="success">
        <p>{t("reset.done")}</p>
        <p className="mt-2">
          <Link href={`/sign-in?email=${encodeURIComponent(doneFor)}`}>{t("reset.signInAgain")}</Link>
        </p>
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, { password: "password" }, reset.message)} />
      <NewPasswordField id="password" label={t("reset.newPassword")} error={errors.password?.message} {...form.register("password")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("reset.saving") : t("reset.submit")}
      </Button>
    </form>
  );
}
