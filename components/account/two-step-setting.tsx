"use client";
import Image from "next/image";
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
        () => setError("We could not load this setting. Please reload the page."),
      ),
    [client, setError],
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
        Two-step sign-in
      </h2>
      <p>
        With two-step sign-in, signing in also asks for a code from an authenticator app on your phone (such as Google
        Authenticator, Microsoft Authenticator or 1Password), so a stolen password alone cannot open your account.
      </p>

      {stage.kind === "off" && (
        <div>
          <Button onClick={start} disabled={busy}>
            Set up two-step sign-in
          </Button>
        </div>
      )}

      {stage.kind === "scanning" && (
        <div className="flex flex-col gap-4">
          <ol className="ml-6 list-decimal space-y-2">
            <li>Open your authenticator app and add an account.</li>
            <li>
              Scan this QR code, or type the key below.
              <Image
                src={stage.qrCodeDataUrl}
                unoptimized
                alt="QR code to add SecondLook to your authenticator app"
                width={200}
                height={200}
                className="mt-2"
              />
              <p className="mt-2">
                Key: <code className="break-all font-mono text-lg">{stage.secretText}</code>
              </p>
            </li>
            <li>Type the 6-digit code the app now shows for SecondLook.</li>
          </ol>
          <form onSubmit={turnOn} noValidate className="flex flex-col gap-3">
            <TextField
              id="two-step-setup-code"
              label="6-digit code from the app"
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={error ?? undefined}
            />
            <div className="flex gap-3">
              <Button type="submit" disabled={busy}>
                Turn on two-step sign-in
              </Button>
              <Button variant="secondary" onClick={() => setStage({ kind: "off" })}>
                Cancel
              </Button>
            </div>
          </form>
        </div>
      )}

      {stage.kind === "codes" && (
        <div className="flex flex-col gap-3">
          <Notice tone="success">
            <p>
              <strong>Two-step sign-in is on.</strong> Save these 10 recovery codes now: print them or keep them in a safe
              place. Each one lets you sign in once if you lose your phone. You will not see them again.
            </p>
          </Notice>
          <ol aria-label="Your recovery codes" className="grid grid-cols-2 gap-2 font-mono text-lg">
            {stage.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <div>
            <Button onClick={() => void load()}>I have saved my recovery codes</Button>
          </div>
        </div>
      )}

      {stage.kind === "on" && (
        <div className="flex flex-col gap-3">
          <p>
            <strong>Two-step sign-in is on.</strong> You have {stage.recoveryCodesLeft} recovery{" "}
            {stage.recoveryCodesLeft === 1 ? "code" : "codes"} left.
          </p>
          <p className="text-muted">
            Turning it off makes your account easier to break into, and you lose access to any case whose owner requires
            two-step sign-in.
          </p>
          <div>
            <Button variant="secondary" onClick={turnOff} disabled={busy}>
              Turn off two-step sign-in
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
