"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { actionErrorMessage, serverFieldError } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { signOutAndGoTo } from "@/server/auth/actions";

/** Confirms with the password, deletes the account, then signs out and lands on the home page. */
export function DeleteAccountForm({ ownedCount }: { ownedCount: number }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const remove = useMutation(trpc.account.delete.mutationOptions());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    setFormMessage(null);
    if (!password) {
      setFieldError("Enter your password to confirm.");
      return;
    }
    remove.mutate(
      { password },
      {
        // The account is gone; signing out clears this browser's cookie and shows the goodbye message.
        onSuccess: () => signOutAndGoTo("/?accountDeleted=1"),
        onError: (e) => {
          const passwordError = serverFieldError(e, "password");
          if (passwordError) setFieldError(passwordError);
          else setFormMessage(actionErrorMessage(e));
        },
      },
    );
  };

  const summary = [
    ...(fieldError ? [{ fieldId: "delete-account-password", message: fieldError }] : []),
    ...(formMessage ? [{ message: formMessage }] : []),
  ];
  const busy = remove.isPending || remove.isSuccess;
  const label =
    ownedCount === 0 ? "Delete my account" : `Delete my account and ${ownedCount === 1 ? "the case I own" : `the ${ownedCount} cases I own`}`;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summary} />
      <TextField
        id="delete-account-password"
        type="password"
        label="Your password, to confirm"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError ?? undefined}
      />
      <div>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? "Deleting…" : label}
        </Button>
      </div>
    </form>
  );
}
