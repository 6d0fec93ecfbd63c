"use client";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** A freshly made invitation link, to copy and send; says whether it was also emailed. */
export function InvitationLink({ link, email, emailed }: { link: string; email: string; emailed: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");
  const inputId = useId();

  // Focus moves here when the link appears, so the person (and a screen reader) finds it at once.
  useEffect(() => {
    box.current?.focus();
  }, [link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus("Copied");
    } catch {
      // No clipboard access (an older browser, or a page not served over https): select it for the person.
      input.current?.focus();
      input.current?.select();
      setCopyStatus("We could not copy it for you. The link is selected: copy it with your device's Copy command.");
    }
  };

  return (
    <div ref={box} tabIndex={-1} className="flex flex-col gap-3 rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
      <p className="font-semibold">The invitation is ready.</p>
      <p>
        {emailed ? (
          <>
            We emailed this link to <strong className="break-all">{email}</strong>. You can also copy it and send it
            yourself.
          </>
        ) : (
          <>
            Email is not set up here, so nothing was sent. Copy this link and send it to{" "}
            <strong className="break-all">{email}</strong> yourself, for example by email or text message.
          </>
        )}
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="font-semibold">
          Invitation link for {email}
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id={inputId}
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="min-h-11 min-w-0 flex-1 basis-64 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-ink"
          />
          <Button variant="secondary" onClick={() => void copy()}>
            Copy link
          </Button>
        </div>
        <p role="status" className="text-sm font-semibold">
          {copyStatus}
        </p>
      </div>
      <p className="text-sm">
        The link works once, for 7 days, and only for someone signing in with {email}.
      </p>
    </div>
  );
}
