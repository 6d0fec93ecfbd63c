"use client";
/**
 * "Sign in with a passkey" on the sign-in page: no email needed, the browser offers the passkeys it
 * holds for SecondLook. Where the browser can, its saved passkeys are also offered in the email
 * field's suggestions (conditional mediation; the field has autocomplete="username webauthn").
 * Uses server actions (the sign-in page loads no tRPC client); the WebAuthn browser library is loaded
 * after the page, not with it.
 */
import type { AuthenticationResponseJSON } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { passkeySignInOptionsAction, signInWithPasskey } from "@/server/auth/passkey-actions";

export function PasskeySignIn({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function finish(response: AuthenticationResponseJSON) {
    const result = await signInWithPasskey(response, callbackUrl);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    router.push(result.redirectTo);
    router.refresh();
  }

  const onPickedFromSuggestions = useEffectEvent((response: AuthenticationResponseJSON) => finish(response));

  // The passkeys in the email field's suggestions: a request that waits until the person picks one.
  // Pressing the button cancels it (SimpleWebAuthn runs one ceremony at a time), as does leaving.
  useEffect(() => {
    let cancel: (() => void) | undefined;
    let left = false;
    void (async () => {
      const { WebAuthnAbortService, browserSupportsWebAuthnAutofill, startAuthentication } = await import("@simplewebauthn/browser");
      if (left || !(await browserSupportsWebAuthnAutofill())) return;
      const asked = await passkeySignInOptionsAction();
      // Throttled: say nothing here; the button says so if pressed.
      if (left || !asked.ok) return;
      const optionsJSON = asked.options;
      cancel = () => WebAuthnAbortService.cancelCeremony();
      const response = await startAuthentication({ optionsJSON, useBrowserAutofill: true });
      await onPickedFromSuggestions(response);
    })().catch(() => {
      // Cancelled, or the browser declined: the button and the password stay available.
    });
    return () => {
      left = true;
      cancel?.();
    };
  }, []);

  async function signIn() {
    setBusy(true);
    setMessage(null);
    try {
      const { browserSupportsWebAuthn, startAuthentication } = await import("@simplewebauthn/browser");
      if (!browserSupportsWebAuthn()) {
        setMessage("This browser cannot use passkeys. Please sign in with your email and password.");
        return;
      }
      const asked = await passkeySignInOptionsAction();
      if (!asked.ok) {
        setMessage(asked.message);
        return;
      }
      const response = await startAuthentication({ optionsJSON: asked.options }).catch(() => null);
      if (!response) {
        setMessage("No passkey was used. Try again, or sign in with your email and password.");
        return;
      }
      await finish(response);
    } catch {
      setMessage("We could not reach SecondLook. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-6">
      <p>Set up a passkey on your account page? Use it instead of your password:</p>
      <div>
        <Button variant="secondary" disabled={busy} onClick={() => void signIn()}>
          {busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
        </Button>
      </div>
      <InlineError message={message} />
    </div>
  );
}
