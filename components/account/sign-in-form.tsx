"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/summary-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "@/server/auth/actions";
import type { TSignInInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

/** `rememberDays`: how long "Keep me signed in on this device" lasts; 0 hides the choice. */
export function SignInForm({
  callbackUrl,
  defaultEmail = "",
  rememberDays = 0,
}: {
  callbackUrl?: string;
  defaultEmail?: string;
  rememberDays?: number;
}) {
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
      setFormMessage("We could not reach SecondLook. Check your connection and try again.");
    }
  });

  const summary = summaryErrors(errors, { email: "email", password: "password" }, formMessage);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summary} title={formMessage && summary.length === 1 ? "We could not sign you in" : undefined} />
      <TextField
        id="email"
        label="Email address"
        type="email"
        // "webauthn": the browser may offer saved passkeys here (components/account/passkey-sign-in.tsx).
        autoComplete="username webauthn"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      {rememberDays > 0 && (
        <Checkbox
          id="remember"
          label="Keep me signed in on this device"
          hint={`Only on your own phone or computer: you stay signed in for up to ${rememberDays} days, even when you leave it for a while. On a shared computer, leave this unticked.`}
          {...form.register("remember")}
        />
      )}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
