"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { confirmWithEmailLinkAction } from "@/server/auth/factor-actions";

/**
 * The one click that uses an emailed "confirm it's you" link. Opening the link alone does not (mail
 * scanners open links too), and the answer to the click brings this browser its renewed session cookie.
 */
export function ConfirmByEmailLink({ token }: { token: string }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    try {
      setResult(await confirmWithEmailLinkAction(token));
    } catch {
      setResult({ ok: false, message: "We could not reach SecondLook. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <Notice tone={result.ok ? "success" : "caution"}>
        <p>{result.message}</p>
        <p className="mt-2">
          <Link href="/account">Back to your account</Link>
        </p>
      </Notice>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p>This link confirms it&apos;s you in this browser. It works once.</p>
      <div>
        <Button onClick={onClick} disabled={busy}>
          {busy ? "Confirming…" : "Confirm it's me"}
        </Button>
      </div>
    </div>
  );
}
