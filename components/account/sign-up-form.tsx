"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { NewPasswordField } from "@/components/account/new-password-field";
import { Notice } from "@/components/ui/notice";
import type { TSignUpInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const FIELDS = ["name", "email", "password"] as const;

/**
 * Sign-up answers "check your email" whether or not the address has an account (issue 15 §4.5); the
 * emailed link creates the account. `linkInServerLog`: without SMTP (development) the link is printed
 * in the server's log, and the page says so.
 */
export function SignUpForm({
  callbackUrl,
  defaultEmail = "",
  linkInServerLog = false,
}: {
  callbackUrl?: string;
  defaultEmail?: string;
  linkInServerLog?: boolean;
}) {
  const t = useTranslations("signIn");
  const client = useTRPCClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  // The form (and its focused button) goes away: focus moves to what replaced it, for keyboard and screen reader users.
  const sentHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sentTo) sentHeading.current?.focus();
  }, [sentTo]);
  const form = useForm<TSignUpInput>({
    resolver: lazyZodResolver(() => import("@/lib/account").then((m) => m.ZSignUpInput)),
    defaultValues: { name: "", email: defaultEmail, password: "" },
    shouldFocusError: false,
  });
  const signUp = useCaseMutation(client.account.signUp.mutate, { refresh: false });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!(await signUp.run({ ...values, callbackUrl }, { form: { setError: form.setError, fields: FIELDS } })).ok) return;
    setSentTo(values.email.trim().toLowerCase());
  });

  if (sentTo) {
    return (
      <Notice tone="success">
        <h2 ref={sentHeading} tabIndex={-1} className="text-lg font-semibold">
          {t("signUp.sentTitle")}
        </h2>
        <p className="mt-2">
          {t.rich("signUp.sent", { email: sentTo, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
        </p>
        {linkInServerLog && <p className="mt-2">{t("signUp.linkInServerLog")}</p>}
      </Notice>
    );
  }

  const summary = summaryErrors(errors, { name: "name", email: "email", password: "password" }, signUp.message);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summary} />
      <TextField id="name" label={t("signUp.name")} autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField
        id="email"
        label={t("shared.email")}
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <NewPasswordField id="password" label={t("signUp.password")} error={errors.password?.message} {...form.register("password")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("signUp.sending") : t("signUp.submit")}
      </Button>
    </form>
  );
}
