"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type Status = { on: boolean; createdAt: Date | null };
type Address = { https: string; webcal: string };

/**
 * The private calendar link: turn it on, make a new one (the old stops working), turn it off. The
 * address is shown once, when made: only its hash is kept (server/calendar/feed.ts).
 */
export function CalendarFeedSetting() {
  const t = useTranslations("account");
  const format = useFormatter();
  const client = useTRPCClient();
  const [status, setStatus] = useState<Status | null>(null);
  const [address, setAddress] = useState<Address | null>(null);
  const [state, setState] = useState<"idle" | "busy" | "failed" | "off">("idle");
  useEffect(() => {
    void client.calendar.feed.query().then(setStatus, () => setState("failed"));
  }, [client]);

  const renew = () => {
    setState("busy");
    client.calendar.renewFeed.mutate().then(
      ({ createdAt, ...made }) => {
        setAddress(made);
        setStatus({ on: true, createdAt });
        setState("idle");
      },
      () => setState("failed"),
    );
  };
  const revoke = () => {
    setState("busy");
    client.calendar.revokeFeed.mutate().then(
      (saved) => {
        setAddress(null);
        setStatus(saved);
        setState("off");
      },
      () => setState("failed"),
    );
  };

  return (
    <section aria-labelledby="calendar-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="calendar-title" className="text-xl font-semibold">
        {t("calendar.title")}
      </h2>
      <p className="text-muted">{t("calendar.explain")}</p>
      {status?.on && status.createdAt && !address && <p>{t("calendar.onSince", { date: format.dateTime(status.createdAt, { dateStyle: "medium" }) })}</p>}
      {address && (
        <div className="flex flex-col gap-3 rounded-lg border-2 border-brand-600 p-4">
          <p className="font-semibold">{t("calendar.shownOnce")}</p>
          <p>
            <a href={address.webcal} className={buttonClasses("primary")}>
              {t("calendar.subscribe")}
            </a>
          </p>
          <p>{t("calendar.orCopy")}</p>
          <code id="calendar-address" className="break-all rounded bg-slate-100 p-2">
            {address.https}
          </code>
          <CopyButton text={address.https} targetId="calendar-address" name={t("calendar.addressName")} />
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Button variant={status?.on ? "secondary" : "primary"} disabled={!status || state === "busy"} onClick={renew}>
          {status?.on ? t("calendar.renew") : t("calendar.turnOn")}
        </Button>
        {status?.on && (
          <Button variant="secondary" disabled={state === "busy"} onClick={revoke}>
            {t("calendar.turnOff")}
          </Button>
        )}
      </div>
      {status?.on && <p className="text-sm text-muted">{t("calendar.renewHint")}</p>}
      <p role="status" className="text-sm text-muted">
        {state === "failed" ? t("calendar.failed") : state === "off" ? t("calendar.savedOff") : ""}
      </p>
    </section>
  );
}
