"use client";
/**
 * The inside of "Confirm it's you" under its title (confirm-identity-dialog.tsx): the ways this person
 * has, read each time it opens, and the small form of the chosen one. Loaded when it first opens.
 */
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import type { TConfirmWays } from "@/lib/session";
import { ConfirmWithEmailLink } from "./confirm-with-email-link";
import { ConfirmWithPasskeyButton } from "./confirm-with-passkey-button";
import { ConfirmWithSecret } from "./confirm-with-secret";

interface ConfirmWay {
  /** Also names its label in the catalogue (account.confirm.ways.<id>), e.g. "My password". */
  id: keyof TConfirmWays;
  render: (props: { onConfirmed: () => void; autoFocus: boolean }) => ReactNode;
}

/** Every way there is, in the order offered; the first this person has is chosen at first. */
const CONFIRM_WAYS: ConfirmWay[] = [
  { id: "password", render: (props) => <ConfirmWithSecret secret="password" {...props} /> },
  { id: "twoStep", render: (props) => <ConfirmWithSecret secret="code" {...props} /> },
  { id: "passkey", render: ({ onConfirmed }) => <ConfirmWithPasskeyButton variant="primary" onConfirmed={onConfirmed} /> },
  { id: "emailLink", render: ({ onConfirmed }) => <ConfirmWithEmailLink onConfirmed={onConfirmed} /> },
];

/** The ways this person has, and the chosen one's form; `onDone(true)` once it succeeded on the server. */
export function ConfirmIdentity({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const t = useTranslations("account.confirm");
  const common = useTranslations("common");
  const client = useTRPCClient();
  const [ways, setWays] = useState<ConfirmWay[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [wayId, setWayId] = useState<ConfirmWay["id"] | null>(null);
  useEffect(() => {
    let current = true;
    client.session.confirmWays.query().then(
      (has) => current && setWays(CONFIRM_WAYS.filter((way) => has[way.id])),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [client]);
  const way = ways?.find((w) => w.id === wayId) ?? ways?.[0];

  return (
    <div className="flex flex-col gap-4">
      {ways === null ? (
        <p role="status">{failed ? t("loadFailed") : t("loading")}</p>
      ) : ways.length === 0 ? (
        <p role="status">{t("noWay")}</p>
      ) : (
        <>
          {ways.length > 1 && (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 font-semibold">{t("with")}</legend>
              <div className="flex flex-wrap gap-2">
                {ways.map((w) => (
                  <label key={w.id} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 py-2">
                    <input type="radio" name="confirm-way" value={w.id} checked={w.id === way?.id} onChange={() => setWayId(w.id)} />
                    {t(`ways.${w.id}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {way && <div key={way.id}>{way.render({ onConfirmed: () => onDone(true), autoFocus: wayId === null })}</div>}
        </>
      )}
      <div>
        <button type="button" onClick={() => onDone(false)} className="min-h-11 rounded-lg px-4 py-2 font-semibold underline hover:bg-slate-100">
          {common("cancel")}
        </button>
      </div>
    </div>
  );
}
