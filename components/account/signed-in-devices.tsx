"use client";
/**
 * "Where you're signed in": each device with its browser, system, rough place, address and when it was last
 * used, this one marked; sign out any other one, or all the others at once. The page reads the list
 * on the server (session.list) and refreshes after a change.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import type { TSessionView } from "@/lib/session";

export function SignedInDevices({ sessions }: { sessions: TSessionView[] }) {
  const client = useTRPCClient();
  const end = useCaseMutation(client.session.end.mutate);
  const endOthers = useCaseMutation(client.session.endOthers.mutate);
  const [done, setDone] = useState("");
  const t = useTranslations("account.devices");
  const others = sessions.filter((s) => !s.current);

  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-3">
        {sessions.map((s) => {
          const name = t("name", { browser: s.browser, system: s.system });
          return (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-slate-200 p-4">
              <div className="flex flex-col gap-1">
                <p className="font-semibold">
                  {name}
                  {s.current && <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-sm text-brand-800">{t("thisDevice")}</span>}
                </p>
                <p className="text-muted">
                  {s.current ? t("inUse") : t.rich("lastUsed", { date: () => <LocalDate date={s.lastSeenAt} withTime /> })}
                  {" · "}
                  {t.rich("signedIn", { date: () => <LocalDate date={s.createdAt} withTime /> })}
                  {s.place && ` · ${s.place}`}
                  {s.ip && ` · ${t("fromAddress", { ip: s.ip })}`}
                </p>
                <p className="text-sm text-muted">
                  {t.rich(s.remembered ? "keptUntil" : "endsBy", { date: () => <LocalDate date={s.expiresAt} withTime /> })}
                </p>
              </div>
              {!s.current && (
                <Button
                  variant="secondary"
                  aria-label={t("signOutNamed", { name })}
                  disabled={end.busy}
                  onClick={async () => {
                    setDone("");
                    if ((await end.run({ sessionId: s.id })).ok) setDone(t("signedOut", { name }));
                  }}
                >
                  {t("signOut")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <div>
          <Button
            variant="secondary"
            disabled={endOthers.busy}
            onClick={async () => {
              setDone("");
              if ((await endOthers.run(undefined)).ok) setDone(t("othersSignedOut"));
            }}
          >
            {t("signOutOthers")}
          </Button>
        </div>
      )}
      <p role="status" className="font-semibold text-brand-700 empty:hidden">
        {end.message ?? endOthers.message ?? done}
      </p>
    </div>
  );
}
