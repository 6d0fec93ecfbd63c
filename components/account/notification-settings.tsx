"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { TNotificationSettings } from "@/lib/notification";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/vocabulary/notification";

type Settings = TNotificationSettings & { mailConfigured: boolean };

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The zones this browser knows, with the person's saved one first if the browser lacks it. */
function zoneOptions(saved: string): string[] {
  const known = Intl.supportedValuesOf("timeZone");
  return known.includes(saved) ? known : [saved, ...known];
}

/** How each kind of email reaches the person, the hour of their digest and their time zone; saved with one button. */
export function NotificationSettings() {
  const t = useTranslations("account.notifications");
  const client = useTRPCClient();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [save, setSave] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  useEffect(() => {
    void client.notification.settings.query().then(setSettings, () => setSave("failed"));
  }, [client]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    setSave("saving");
    const { channels, digestHour, timeZone } = settings;
    client.notification.set.mutate({ channels, digestHour, timeZone }).then(
      (saved) => {
        setSettings(saved);
        setSave("saved");
      },
      () => setSave("failed"),
    );
  };

  return (
    <section aria-labelledby="notifications-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="notifications-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-muted">{t("explain")}</p>
      {settings && !settings.mailConfigured ? (
        <p>{t("noEmail")}</p>
      ) : settings ? (
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          {NOTIFICATION_KINDS.map((kind) => (
            <SelectField
              key={kind}
              id={`notify-${kind}`}
              label={t(`kinds.${kind}`)}
              value={settings.channels[kind]}
              onChange={(e) => setSettings({ ...settings, channels: { ...settings.channels, [kind]: e.target.value } })}
              options={NOTIFICATION_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
            />
          ))}
          <SelectField
            id="digest-hour"
            label={t("digestHour")}
            value={String(settings.digestHour)}
            onChange={(e) => setSettings({ ...settings, digestHour: Number(e.target.value) })}
            options={HOURS.map((hour) => ({ value: String(hour), label: t("hourOption", { hour: String(hour).padStart(2, "0") }) }))}
          />
          <SelectField
            id="time-zone"
            label={t("timeZone")}
            value={settings.timeZone}
            onChange={(e) => setSettings({ ...settings, timeZone: e.target.value })}
            options={zoneOptions(settings.timeZone).map((zone) => ({ value: zone, label: zone }))}
          />
          <div>
            <Button type="submit" disabled={save === "saving"}>
              {save === "saving" ? t("saving") : t("save")}
            </Button>
          </div>
        </form>
      ) : null}
      <p role="status" className="text-sm text-muted">
        {save === "saved" ? t("saved") : save === "failed" ? t("failed") : ""}
      </p>
    </section>
  );
}
