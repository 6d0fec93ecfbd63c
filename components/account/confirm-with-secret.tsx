"use client";
/**
 * "Confirm it's you" by typing a secret, for the dialog: the account's password (account.confirmIdentity)
 * or a code from the authenticator app (twoStep.confirmIdentity). Both are one field and a button.
 */
import { useTranslations } from "next-intl";
import { useId, useState, type InputHTMLAttributes } from "react";
import { actionErrorMessage, serverFieldError } from "@/components/forms/form-errors";
import { useAction } from "@/components/forms/use-action";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { messageRef } from "@/lib/i18n/message-ref";

type Client = ReturnType<typeof useTRPCClient>;

interface Secret {
  /** The field's label, under account.confirm. */
  label: "passwordLabel" | "codeLabel";
  /** Said when the field is sent empty: a message reference, put in words by the field. */
  missing: string;
  input: InputHTMLAttributes<HTMLInputElement>;
  /** The procedure that checks it (and records the proof), and the input field its errors name. */
  field: string;
  confirm: (client: Client, value: string) => Promise<unknown>;
}

const SECRETS = {
  password: {
    label: "passwordLabel",
    missing: messageRef("signIn.validation.passwordMissing"),
    input: { type: "password", autoComplete: "current-password" },
    field: "password",
    confirm: (client, password) => client.account.confirmIdentity.mutate({ password }),
  },
  code: {
    label: "codeLabel",
    missing: messageRef("account.validation.codeMissing"),
    input: { autoComplete: "one-time-code", inputMode: "numeric", spellCheck: false },
    field: "code",
    confirm: (client, code) => client.twoStep.confirmIdentity.mutate({ code }),
  },
} satisfies Record<string, Secret>;

/** `autoFocus` when the dialog opens on this way (not when chosen later, so the choices stay usable with arrow keys). */
export function ConfirmWithSecret({
  secret,
  onConfirmed,
  autoFocus = true,
}: {
  secret: keyof typeof SECRETS;
  onConfirmed: () => void;
  autoFocus?: boolean;
}) {
  const t = useTranslations("account.confirm");
  const client = useTRPCClient();
  const id = useId();
  const [value, setValue] = useState("");
  const action = useAction();
  const { label, missing, input, field, confirm } = SECRETS[secret];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value.trim()) return action.setError(missing);
    const confirmed = await action.run(
      () => confirm(client, value),
      (failure) => serverFieldError(failure, field) ?? actionErrorMessage(failure),
    );
    if (confirmed) onConfirmed();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
      <TextField
        id={`${id}-${field}`}
        label={t(label)}
        {...input}
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={action.error ?? undefined}
      />
      <div>
        <Button type="submit" disabled={action.busy}>
          {action.busy ? t("checking") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
