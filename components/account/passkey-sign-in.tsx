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
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useState } from "react";
import { useMessageText } from "@/components/i18n/use-message-text";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { messageRef } from "@/lib/i18n/message-ref";
import { passkeySignInOptionsAction, signInWithPasskey } from "@/server/auth/passkey-actions";

export function PasskeySignIn({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const words = useMessageText();
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
      const optionsJSON = await passkeySignInOptionsAction();
      if (left) return;
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
        setMessage(messageRef("signIn.passkey.unsupported"));
        return;
      }
      const optionsJSON = await passkeySignInOptionsAction();
      const response = await startAuthentication({ optionsJSON }).catch(() => null);
      if (!response) {
        setMessage(messageRef("signIn.passkey.notUsed"));
        return;
      }
      await finish(response);
    } catch {
      setMessage(messageRef("signIn.shared.connectionLost"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-6">
      <p>{t("passkey.intro")}</p>
      <div>
        <Button variant="secondary" disabled={busy} onClick={() => void signIn()}>
          {busy ? t("passkey.waiting") : t("passkey.submit")}
        </Button>
      </div>
      <InlineError message={message && words(message)} />
    </div>
  );
}
