"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { requestSignInLinkAction } from "@/server/auth/factor-actions";

/** "Email me a sign-in link": the alternative to typing a password, on the sign-in page. */
export function EmailLinkSignIn({ callbackUrl, defaultEmail = "" }: { callbackUrl?: string; defaultEmail?: string }) {
  const [email, setEmail] = useState(defaultEmail);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await requestSignInLinkAction(email, callbackUrl);
      if (result.ok) setSent(result.message);
      else {
        setError(result.message);
        input.current?.focus();
      }
    } catch {
      setError("We could not reach SecondLook. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="email-link-title" className="mt-6 flex flex-col gap-4 border-t border-slate-200 pt-5">
      <h2 id="email-link-title" className="text-xl font-semibold">
        Or sign in with a link by email
      </h2>
      {sent ? (
        <Notice tone="success">
          <p>{sent}</p>
          <p className="mt-2">Check your spam folder if it does not arrive in a few minutes.</p>
        </Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <TextField
            ref={input}
            id="link-email"
            label="Your email, for the link"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error ?? undefined}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Sending…" : "Email me a sign-in link"}
          </Button>
        </form>
      )}
    </section>
  );
}
