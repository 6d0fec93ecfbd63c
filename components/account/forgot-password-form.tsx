"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { type TRequestPasswordResetInput, ZRequestPasswordResetInput } from "@/lib/account";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<TRequestPasswordResetInput>({
    resolver: zodResolver(ZRequestPasswordResetInput),
    defaultValues: { email: "" },
    shouldFocusError: false,
  });
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await request.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      setFormMessage(applyServerErrors(error, form.setError, ["email"]));
    }
  });

  if (sentTo) {
    return (
      <Notice tone="success">
        <p>
          If an account uses <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link
          works once, for one hour. Check your spam folder if it does not arrive in a few minutes.
        </p>
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, { email: "email" }, formMessage)} />
      <TextField
        id="email"
        label="Email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
