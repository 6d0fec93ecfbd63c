"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN_LENGTH, type TResetPasswordInput, ZResetPasswordInput } from "@/lib/account";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const form = useForm<TResetPasswordInput>({
    resolver: zodResolver(ZResetPasswordInput),
    defaultValues: { token, password: "" },
    shouldFocusError: false,
  });
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      const { email } = await reset.mutateAsync(values);
      setDoneFor(email);
    } catch (error) {
      setFormMessage(applyServerErrors(error, form.setError, ["password"]));
    }
  });

  if (doneFor) {
    return (
      <Notice tone="success">
        <p>Your password has been changed, and every device that was signed in has been signed out.</p>
        <p className="mt-2">
          <Link href={`/sign-in?email=${encodeURIComponent(doneFor)}`}>Sign in with your new password</Link>
        </p>
      </Notice>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, { password: "password" }, formMessage)} />
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save new password"}
      </Button>
    </form>
  );
}
