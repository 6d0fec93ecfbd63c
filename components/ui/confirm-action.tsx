"use client";
import { useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { ConfirmStep } from "./confirm-step";
import { InlineError } from "./inline-error";
import { useReturnFocus } from "./use-return-focus";

/**
 * A button whose action asks "are you sure?" first, in place: the question replaces the button,
 * Cancel (or a failure) hands focus back to it, and a failure's message shows beside it.
 * `onConfirm` resolves to the mutation's outcome: after a failure the step closes (focus back on the
 * button, the caller's `error` beside it); after a success it stays on `busyLabel` until the refresh
 * removes what it sat on — every use removes or leaves something.
 */
export function ConfirmAction({
  label,
  variant = "secondary",
  question,
  confirmLabel,
  busyLabel,
  busy,
  error,
  danger = false,
  onConfirm,
}: {
  label: ReactNode;
  variant?: ButtonVariant;
  question: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: string | null;
  danger?: boolean;
  onConfirm: () => Promise<{ ok: boolean }>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useReturnFocus(confirming, toggle);
  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <ConfirmStep
          danger={danger}
          question={question}
          confirmLabel={confirmLabel}
          busyLabel={busyLabel}
          busy={busy || done}
          onConfirm={() => void onConfirm().then(({ ok }) => (ok ? setDone(true) : setConfirming(false)))}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div>
          <Button ref={toggle} variant={variant} onClick={() => setConfirming(true)}>
            {label}
          </Button>
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
}
