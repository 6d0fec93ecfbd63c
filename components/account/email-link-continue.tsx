"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { signInWithEmailLinkAction } from "@/server/auth/factor-actions";

/** The one click that uses an emailed sign-in link (opening the link alone does not, as mail scanners open links too). */
export function EmailLinkContinue({ token, callbackUrl }: { token: string; callbackUrl?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await signInWithEmailLinkAction(token, callbackUrl);
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      router.push(result.redirectTo);
      router.refresh();
    } catch {
      setMessage("We could not reach SecondLook. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {message && <Notice tone="caution">{message}</Notice>}
      <Button onClick={onClick} disabled={busy}>
        {busy ? "Signing in…" : "Sign in to SecondLook"}
      </Button>
    </div>
  );
}
