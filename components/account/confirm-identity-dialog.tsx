"use client";
/**
 * The one "Confirm it's you" dialog. It opens when a sensitive action is refused for an old proof
 * (components/trpc/proof-link.ts) and, once confirmed, the action is sent again by itself.
 * Ways to confirm are a list: each is a tab-like choice with its own small form that calls
 * `onConfirmed` after its factor succeeded on the server (which recorded `markProof`). To add one
 * (an emailed link, an authenticator code, a passkey), append it to CONFIRM_WAYS.
 */
import { useState, type ReactNode } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ConfirmWithPassword } from "./confirm-with-password";

export interface ConfirmWay {
  id: string;
  /** The choice's label, e.g. "Use my password". */
  label: string;
  render: (props: { onConfirmed: () => void }) => ReactNode;
}

export const CONFIRM_WAYS: ConfirmWay[] = [
  { id: "password", label: "Use my password", render: ({ onConfirmed }) => <ConfirmWithPassword onConfirmed={onConfirmed} /> },
];

export function ConfirmIdentityDialog({
  open,
  onDone,
  ways = CONFIRM_WAYS,
}: {
  open: boolean;
  /** true: confirmed (the action goes ahead); false: cancelled. */
  onDone: (confirmed: boolean) => void;
  ways?: ConfirmWay[];
}) {
  const [wayId, setWayId] = useState(ways[0]?.id);
  const way = ways.find((w) => w.id === wayId) ?? ways[0];
  return (
    <ModalDialog open={open} titleId="confirm-identity-title" descriptionId="confirm-identity-why" onCancel={() => onDone(false)}>
      <div className="flex flex-col gap-4">
        <h2 id="confirm-identity-title" className="text-2xl font-semibold">
          Confirm it&apos;s you
        </h2>
        <p id="confirm-identity-why">
          For your safety, we ask again before this kind of change. When you have confirmed, we carry on with what you
          asked.
        </p>
        {ways.length > 1 && (
          <fieldset className="flex flex-wrap gap-2">
            <legend className="sr-only">How would you like to confirm?</legend>
            {ways.map((w) => (
              <label key={w.id} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 py-2">
                <input type="radio" name="confirm-way" value={w.id} checked={w.id === way?.id} onChange={() => setWayId(w.id)} />
                {w.label}
              </label>
            ))}
          </fieldset>
        )}
        {way?.render({ onConfirmed: () => onDone(true) })}
        <div>
          <button type="button" onClick={() => onDone(false)} className="min-h-11 rounded-lg px-4 py-2 font-semibold underline hover:bg-slate-100">
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
