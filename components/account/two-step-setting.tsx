"use client";
import Image from "next/image";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";

type Stage =
  | { kind: "loading" }
  | { kind: "off" }
  | { kind: "scanning"; secretText: string; qrCodeDataUrl: string }
  | { kind: "codes"; recoveryCodes: string[] }
  | { kind: "on"; recoveryCodesLeft: number };

/** Two-step sign-in with an authenticator app, on the account page: set it up, see the recovery codes once, turn it off. */
export function TwoStepSetting() {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [stage, setStage] = useState<Stage>({ kind: "loading" });
  const [code, setCode] = useState("");
  // A security change that needs a fresh proof gets the "Confirm it's you" dialog, then goes ahead.
  const { busy, error, setError, run: guarded } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    () =>
      client.twoStep.status.query().then(
        (status) => setStage(status.enabled ? { kind: "on", recoveryCodesLeft: status.recoveryCodesLeft } : { kind: "off" }),
        () => setError(t("shared.loadFailed")),
      ),
    [client, setError, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const start = () =>
    guarded(async () => {
      const setup = await client.twoStep.beginSetup.mutate();
      setCode("");
      setStage({ kind: "scanning", ...setup });
    });

  const turnOn = (event: React.FormEvent) => {
    event.preventDefault();
    void guarded(async () => {
      const { recoveryCodes } = await client.twoStep.confirmSetup.mutate({ code });
      setStage({ kind: "codes", recoveryCodes });
      heading.current?.focus();
    });
  };

  const turnOff = () =>
    guarded(async () => {
      await client.twoStep.turnOff.mutate();
      setStage({ kind: "off" });
    });

  return (
    <section aria-labelledby="two-step-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="two-step-title" ref={heading} tabIndex={-1} className="text-2xl font-semibold">
        {t("twoStep.title")}
      </h2>
      <p>{t("twoStep.intro")}</p>

      {stage.kind === "off" && (
        <div>
          <Button onClick={start} disabled={busy}>
            {t("twoStep.setUp")}
          </Button>
        </div>
      )}

      {stage.kind === "scanning" && (
        <div className="flex flex-col gap-4">
          <ol className="ml-6 list-decimal space-y-2">
            <li>{t("twoStep.stepOpen")}</li>
            <li>
              {t("twoStep.stepScan")}
              <Image
                src={stage.qrCodeDataUrl}
                unoptimized
                alt={t("twoStep.qrAlt")}
                width={200}
                height={200}
                className="mt-2"
              />
              <p className="mt-2">
                {t.rich("twoStep.key", {
                  secret: stage.secretText,
                  code: (chunks) => <code className="break-all font-mono text-lg">{chunks}</code>,
                })}
              </p>
            </li>
            <li>{t("twoStep.stepType")}</li>
          </ol>
          <form onSubmit={turnOn} noValidate className="flex flex-col gap-3">
            <TextField
              id="two-step-setup-code"
              label={t("twoStep.codeLabel")}
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={error ?? undefined}
            />
            <div className="flex gap-3">
              <Button type="submit" disabled={busy}>
                {t("twoStep.turnOn")}
              </Button>
              <Button variant="secondary" onClick={() => setStage({ kind: "off" })}>
                {t("shared.cancel")}
              </Button>
            </div>
          </form>
        </div>
      )}

      {stage.kind === "codes" && (
        <div className="flex flex-col gap-3">
          <Notice tone="success">
            <p>{t.rich("twoStep.codesShown", { count: stage.recoveryCodes.length, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          </Notice>
          <ol aria-label={t("twoStep.codesLabel")} className="grid grid-cols-2 gap-2 font-mono text-lg">
            {stage.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <div>
            <Button onClick={() => void load()}>{t("twoStep.codesSaved")}</Button>
          </div>
        </div>
      )}

      {stage.kind === "on" && (
        <div className="flex flex-col gap-3">
          <p>{t.rich("twoStep.on", { count: stage.recoveryCodesLeft, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="text-muted">{t("twoStep.offWarning")}</p>
          <div>
            <Button variant="secondary" onClick={turnOff} disabled={busy}>
              {t("twoStep.turnOff")}
            </Button>
          </div>
        </div>
      )}

      {error && stage.kind !== "scanning" && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
