"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";

/** Opting in or out of the daily email digest; saves at once and says so. */
export function DigestSetting() {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [setting, setSetting] = useState<{ optIn: boolean; mailConfigured: boolean } | null>(null);
  const [save, setSave] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  useEffect(() => {
    void client.digest.setting.query().then(setSetting, () => setSave("failed"));
  }, [client]);
  const optIn = setting?.optIn ?? false;
  const toggle = () => {
    setSave("saving");
    client.digest.set.mutate({ optIn: !optIn }).then(
      (saved) => {
        setSetting(saved);
        setSave("saved");
      },
      () => setSave("failed"),
    );
  };
  return (
    <section aria-labelledby="digest-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="digest-title" className="text-xl font-semibold">
        {t("digest.title")}
      </h2>
      <p className="text-muted">{t("digest.explain")}</p>
      {setting && !setting.mailConfigured ? (
        <p>{t("digest.noEmail")}</p>
      ) : (
        <div>
          <ToggleButton pressed={optIn} disabled={!setting || save === "saving"} onClick={toggle}>
            {t("digest.toggle")}
          </ToggleButton>
        </div>
      )}
      <p role="status" className="text-sm text-muted">
        {save === "saved" ? (optIn ? t("digest.savedOn") : t("digest.savedOff")) : save === "failed" ? t("digest.failed") : ""}
      </p>
    </section>
  );
}
