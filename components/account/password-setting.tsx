"use client";
import { useEffect, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/**
 * Signing in without a password: remove it (then sign in by emailed link), or set one when there is
 * none. Changing an existing password is the form above this on the account page. Both need a fresh
 * proof: the "Confirm it's you" dialog asks for it and sends the change again (components/trpc/proof-link.ts).
 */
export function PasswordSetting() {
  const client = useTRPCClient();
  const [status, setStatus] = useState<{ hasPassword: boolean; canRemove: boolean } | null>(null);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    void client.password.status.query().then(setStatus, () => setError("We could not load this setting. Please reload the page."));
  }, [client, setError]);

  const guarded = (action: () => Promise<void>) => {
    setMessage(null);
    return run(action);
  };

  const remove = () =>
    guarded(async () => {
      await client.password.remove.mutate();
      setStatus({ hasPassword: false, canRemove: false });
      setMessage("Your password is removed. Sign in with a link we email you.");
    });

  const set = (event: React.FormEvent) => {
    event.preventDefault();
    void guarded(async () => {
      await client.password.set.mutate({ password });
      setPassword("");
      setStatus(await client.password.status.query());
      setMessage("Your password is set.");
    });
  };

  if (!status) return null;
  return (
    <section aria-labelledby="password-setting-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="password-setting-title" className="text-2xl font-semibold">
        Signing in without a password
      </h2>
      {status.hasPassword ? (
        status.canRemove ? (
          <>
            <p>You can remove your password and sign in with a link we email you each time instead.</p>
            <div>
              <Button variant="secondary" onClick={() => void remove()} disabled={busy}>
                Remove my password
              </Button>
            </div>
          </>
        ) : (
          <p>This SecondLook server does not send email, so your password is how you sign in.</p>
        )
      ) : (
        <form onSubmit={set} noValidate className="flex flex-col gap-3">
          <p>Your account has no password: you sign in with a link we email you. You can set a password too.</p>
          <TextField
            id="new-account-password"
            label="Choose a password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error ?? undefined}
          />
          <div>
            <Button type="submit" disabled={busy}>
              Set a password
            </Button>
          </div>
        </form>
      )}
      <p role="status" className="text-sm text-muted">
        {message ?? ""}
      </p>
      {error && status.hasPassword && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
