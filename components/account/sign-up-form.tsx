"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "@/server/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/vocabulary/account";
import type { TSignUpInput } from "@/lib/account";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const FIELDS = ["name", "email", "password"] as const;

export function SignUpForm({ callbackUrl, defaultEmail = "" }: { callbackUrl?: string; defaultEmail?: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const form = useForm<TSignUpInput>({
    resolver: lazyZodResolver(() => import("@/lib/account").then((m) => m.ZSignUpInput)),
    defaultValues: { name: "", email: defaultEmail, password: "" },
    shouldFocusError: false,
  });
  // Signing in next decides where to go; the refresh comes after it.
  const signUp = useCaseMutation(client.account.signUp.mutate, { refresh: false });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (!(await signUp.run(values, { form: { setError: form.setError, fields: FIELDS } })).ok) return;
    const result = await signInWithPassword({ email: values.email, password: values.password }, callbackUrl);
    if (!result.ok) {
      router.push("/sign-in");
      return;
    }
    router.push(result.redirectTo);
    router.refresh();
  });

  const summary = summaryErrors(errors, { name: "name", email: "email", password: "password" }, signUp.message);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summary} />
      <TextField id="name" label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField
        id="email"
        label="Email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        id="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
