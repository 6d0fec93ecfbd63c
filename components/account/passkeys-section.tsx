"use client";
/**
 * The "Passkeys" section of the account page: the person's passkeys (name, added, last used), adding
 * one under a name, renaming and removing one. Adding and removing ask for a fresh "confirm it's you"
 * when the last proof is older than 10 minutes: the global dialog asks (components/trpc/proof-link.ts).
 * Removing then goes ahead by itself; adding waits for one more press of "Add a passkey", because
 * browsers create a passkey only right after a press.
 * The WebAuthn browser library is loaded only when a passkey is being added.
 */
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { actionErrorMessage, serverFieldError } from "@/components/forms/form-errors";
import { confirmedAfter, isProofRequired } from "@/components/trpc/proof-link";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { InlineError } from "@/components/ui/inline-error";
import { LocalDate } from "@/components/ui/local-date";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/vocabulary/passkey";
import type { TPasskeyView } from "@/lib/passkey";

export function PasskeysSection() {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [passkeys, setPasskeys] = useState<TPasskeyView[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const reload = useCallback(
    () =>
      client.passkey.list.query().then(
        (list) => {
          setPasskeys(list);
          setLoadFailed(false);
        },
        () => setLoadFailed(true),
      ),
    [client],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="passkeys-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="passkeys-title" className="text-2xl font-semibold">
        {t("passkeys.title")}
      </h2>
      <p>{t("passkeys.intro")}</p>
      {passkeys === null ? (
        <p role="status">{loadFailed ? t("passkeys.loadFailed") : t("passkeys.loading")}</p>
      ) : passkeys.length === 0 ? (
        <p>{t("passkeys.none")}</p>
      ) : (
        <ul aria-label={t("passkeys.listLabel")} className="flex flex-col gap-3">
          {passkeys.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} onChanged={reload} />
          ))}
        </ul>
      )}
      <AddPasskeyForm onAdded={reload} />
    </section>
  );
}

/** Sent without the automatic retry after "Confirm it's you": the person presses "Add a passkey" again. */
const ASK_ONLY = { context: { proof: "ask-only" } };

function AddPasskeyForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  async function add() {
    setMessage(null);
    setAdded(null);
    setConfirmed(false);
    const chosen = name.trim();
    if (!chosen) {
      setNameError(t("passkeys.nameMissing"));
      nameInput.current?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      const optionsJSON = await client.passkey.registrationOptions.mutate(undefined, ASK_ONLY);
      const { startRegistration } = await import("@simplewebauthn/browser");
      const response = await startRegistration({ optionsJSON }).catch((error: unknown) => {
        const code = (error as { code?: string }).code;
        setMessage(
          code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED"
            ? t("passkeys.alreadyOnDevice")
            : t("passkeys.notCreated"),
        );
        return null;
      });
      if (!response) return;
      const passkey = await client.passkey.add.mutate({ name: chosen, response }, ASK_ONLY);
      setName("");
      setAdded(passkey.name);
      await onAdded();
    } catch (error) {
      if (isProofRequired(error) && confirmedAfter(error)) setConfirmed(true);
      else {
        const forName = serverFieldError(error, "name");
        if (forName) setNameError(forName);
        else setMessage(actionErrorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void add();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 border-t border-slate-200 pt-4">
      <h3 className="text-xl font-semibold">{t("passkeys.addTitle")}</h3>
      {added && (
        <Notice tone="success">
          <p>{t("passkeys.added", { name: added })}</p>
        </Notice>
      )}
      <TextField
        ref={nameInput}
        id="new-passkey-name"
        label={t("passkeys.nameLabel")}
        hint={t("passkeys.nameHint")}
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        autoComplete="off"
        value={name}
        error={nameError ?? undefined}
        onChange={(event) => setName(event.target.value)}
      />
      {confirmed && (
        <Notice tone="success">
          <p>{t("passkeys.confirmedAddAgain", { button: t("passkeys.addTitle") })}</p>
        </Notice>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("passkeys.waiting") : t("passkeys.addTitle")}
        </Button>
      </div>
      <InlineError message={message} />
    </form>
  );
}

function PasskeyItem({ passkey, onChanged }: { passkey: TPasskeyView; onChanged: () => Promise<void> }) {
  const t = useTranslations("account");
  const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const { lastUsedAt } = passkey;
  const client = useTRPCClient();
  const [renaming, setRenaming] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  useReturnFocus(renaming, renameButton);

  async function remove(): Promise<{ ok: boolean }> {
    setRemoveError(null);
    setRemoving(true);
    try {
      await client.passkey.remove.mutate({ id: passkey.id });
      await onChanged();
      return { ok: true };
    } catch (error) {
      setRemoveError(actionErrorMessage(error));
      return { ok: false };
    } finally {
      setRemoving(false);
    }
  }

  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
      <div>
        <p className="text-lg font-semibold">{passkey.name}</p>
        <p className="text-sm text-muted">
          {t.rich("passkeys.addedOn", { date: () => <LocalDate date={passkey.createdAt} /> })} ·{" "}
          {lastUsedAt
            ? t.rich("passkeys.lastUsed", { date: () => <LocalDate date={lastUsedAt} withTime /> })
            : t("passkeys.notUsed")}
          {passkey.synced && <> · {t("passkeys.synced")}</>}
        </p>
      </div>
      {renaming ? (
        <RenamePasskeyForm passkey={passkey} onDone={() => setRenaming(false)} onRenamed={onChanged} />
      ) : (
        <div className="flex flex-wrap items-start gap-3">
          <Button ref={renameButton} onClick={() => setRenaming(true)} variant="secondary">
            {t.rich("passkeys.rename", { name: passkey.name, hidden })}
          </Button>
          <ConfirmAction
            label={t.rich("passkeys.remove", { name: passkey.name, hidden })}
            question={t("passkeys.removeQuestion", { name: passkey.name })}
            confirmLabel={t("passkeys.removeConfirm")}
            busyLabel={t("passkeys.removing")}
            busy={removing}
            error={removeError}
            danger
            onConfirm={remove}
          />
        </div>
      )}
    </li>
  );
}

function RenamePasskeyForm({ passkey, onDone, onRenamed }: { passkey: TPasskeyView; onDone: () => void; onRenamed: () => Promise<void> }) {
  const t = useTranslations("account");
  const client = useTRPCClient();
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(t("passkeys.nameMissing"));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await client.passkey.rename.mutate({ id: passkey.id, name });
      await onRenamed();
      onDone();
    } catch (failure) {
      setError(serverFieldError(failure, "name") ?? actionErrorMessage(failure));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-3">
      <TextField
        ref={input}
        id={`rename-passkey-${passkey.id}`}
        label={t("passkeys.renameLabel", { name: passkey.name })}
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        autoComplete="off"
        value={name}
        error={error ?? undefined}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onDone();
        }}
      />
      <div className="flex gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? t("shared.saving") : t("passkeys.saveName")}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t("shared.cancel")}
        </Button>
      </div>
    </form>
  );
}
