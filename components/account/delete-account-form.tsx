"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { serverFieldError } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { messageRef } from "@/lib/i18n/message-ref";
import { signOutAndGoTo } from "@/server/auth/actions";

/**
 * Confirms with the password, deletes the account, then signs out and lands on the home page. An
 * account without a password has no field: the server asks for a fresh "confirm it's you" instead.
 */
export function DeleteAccountForm({ ownedCount, hasPassword }: { ownedCount: number; hasPassword: boolean }) {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  // The account is gone afterwards: signing out, not a refresh, is what comes next.
  const remove = useCaseMutation(client.account.delete.mutate, { refresh: false });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFieldError(null);
    remove.setMessage(null);
    if (hasPassword && !password) {
      setFieldError(messageRef("signIn.validation.confirmPasswordMissing"));
      return;
    }
    const deleted = await remove.run(hasPassword ? { password } : {});
    // Signing out clears this browser's cookie and shows the goodbye message.
    if (deleted.ok) return signOutAndGoTo("/?accountDeleted=1");
    // The password is this form's one field: the server's word on it goes next to it.
    const passwordError = serverFieldError(deleted.error, "password");
    if (passwordError) {
      setFieldError(passwordError);
      remove.setMessage(null);
    }
  };

  const summary = [
    ...(fieldError ? [{ fieldId: "delete-account-password", message: fieldError }] : []),
    ...(remove.message ? [{ message: remove.message }] : []),
  ];
  const busy = remove.busy || remove.succeeded;
  const label = t("deletion.submit", { count: ownedCount });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={summary} />
      {hasPassword && (
        <TextField
          id="delete-account-password"
          type="password"
          label={t("deletion.passwordLabel")}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError ?? undefined}
        />
      )}
      <div>
        <Button type="submit" variant="danger" disabled={busy}>
          {busy ? t("deletion.deleting") : label}
        </Button>
      </div>
    </form>
  );
}
