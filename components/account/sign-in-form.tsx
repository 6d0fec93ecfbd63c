"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/summary-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { messageRef } from "@/lib/i18n/message-ref";
import { signInWithPassword } from "@/server/auth/actions";
import type { TSignInInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

/**
 * `rememberHint`: how long "Keep me signed in on this device" lasts, in words the server wrote (a plural
 * picked in the browser would load Intl's data while the page hydrates); absent hides the choice.
 */
export function SignInForm({
  callbackUrl,
  defaultEmail = "",
  rememberHint,
}: {
  callbackUrl?: string;
  defaultEmail?: string;
  rememberHint?: string;
}) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<TSignInInput>({
    resolver: lazyZodResolver(() => import("@/lib/account").then((m) => m.ZSignInInput)),
    defaultValues: { email: defaultEmail, password: "", remember: false },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      const result = await signInWithPassword(values, callbackUrl);
      if (!result.ok) {
        setFormMessage(result.message);
        return;
      }
      router.push(result.redirectTo);
      router.refresh();
    } catch {
      setFormMessage(messageRef("signIn.shared.connectionLost"));
    }
  });

  const summary = summaryErrors(errors, { email: "email", password: "password" }, formMessage);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summary} title={formMessage && summary.length === 1 ? t("form.failedTitle") : undefined} />
      <TextField
        id="email"
        label={t("shared.email")}
        type="email"
        // "webauthn": the browser may offer saved passkeys here (components/account/passkey-sign-in.tsx).
        autoComplete="username webauthn"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        id="password"
        label={t("form.password")}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      {rememberHint && (
        <Checkbox
          id="remember"
          label={t("form.remember")}
          hint={rememberHint}
          {...form.register("remember")}
        />
      )}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("shared.signingIn") : t("form.submit")}
      </Button>
    </form>
  );
}
