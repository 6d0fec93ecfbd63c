"use client";
import { useEffect, useState } from "react";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";

/** Opting in or out of the daily email digest; saves at once and says so. */
export function DigestSetting() {
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
        Daily email digest
      </h2>
      <p className="text-muted">
        Once a day, an email saying how many changes others made in each of your cases, section by section — never
        what they wrote, so nothing about your health is in your inbox. Off unless you turn it on.
      </p>
      {setting && !setting.mailConfigured ? (
        <p>This SecondLook server does not send email, so the digest is not available.</p>
      ) : (
        <div>
          <ToggleButton pressed={optIn} disabled={!setting || save === "saving"} onClick={toggle}>
            Email me a daily digest
          </ToggleButton>
        </div>
      )}
      <p role="status" className="text-sm text-muted">
        {save === "saved" ? (optIn ? "Saved: the digest is on." : "Saved: the digest is off.") : save === "failed" ? "That did not save. Please try again." : ""}
      </p>
    </section>
  );
}
