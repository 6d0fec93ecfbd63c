/**
 * Passkeys: the zod contracts for naming one, for the browser's WebAuthn answers (shape and size
 * only; the signatures are checked on the server) and for a passkey as its holder sees it.
 */
import { z } from "zod";
import { messageRef } from "./i18n/message-ref";
import { withoutControlCharacters } from "./plain-text";
import { PASSKEY_NAME_MAX_LENGTH } from "./vocabulary/passkey";
export * from "./vocabulary/passkey";

export const zPasskeyName = z
  .string()
  .overwrite(withoutControlCharacters)
  .trim()
  .min(1, messageRef("account.passkeys.nameMissing"))
  .max(PASSKEY_NAME_MAX_LENGTH, messageRef("signIn.validation.tooLong", { max: PASSKEY_NAME_MAX_LENGTH }));

/** base64url as WebAuthn's JSON carries binary values; bounded so an answer cannot be huge. */
const zB64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*={0,2}$/);

/** "internal", "hybrid", "usb"…: kept as reported, since browsers add new ones. */
const zTransport = z.string().max(20);

const responseBase = {
  id: zB64(1400),
  rawId: zB64(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  // Only credProps ("is it discoverable?") is read, by the browser library; anything else is dropped.
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }).default({}),
};

/** `navigator.credentials.create()`'s answer, as @simplewebauthn/browser serialises it. */
export const ZRegistrationResponse = z.object({
  ...responseBase,
  response: z.object({
    clientDataJSON: zB64(4000),
    attestationObject: zB64(20_000),
    authenticatorData: zB64(4000).optional(),
    transports: z.array(zTransport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: zB64(4000).optional(),
  }),
});

/** `navigator.credentials.get()`'s answer, as @simplewebauthn/browser serialises it. */
export const ZAuthenticationResponse = z.object({
  ...responseBase,
  response: z.object({
    clientDataJSON: zB64(4000),
    authenticatorData: zB64(4000),
    signature: zB64(2000),
    userHandle: zB64(200).optional(),
  }),
});

export const ZAddPasskeyInput = z.object({ name: zPasskeyName, response: ZRegistrationResponse });
export type TAddPasskeyInput = z.input<typeof ZAddPasskeyInput>;

export const ZRenamePasskeyInput = z.object({ id: z.uuid(messageRef("account.validation.passkeyNotFound")), name: zPasskeyName });
export type TRenamePasskeyInput = z.input<typeof ZRenamePasskeyInput>;

export const ZRemovePasskeyInput = z.object({ id: z.uuid(messageRef("account.validation.passkeyNotFound")) });

export const ZConfirmWithPasskeyInput = z.object({ response: ZAuthenticationResponse });

/** A passkey as its holder sees it: never the key or the credential id. */
export const ZPasskeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  /** Synced by a password manager or platform account, so it is on more than one device. */
  synced: z.boolean(),
});
export type TPasskeyView = z.infer<typeof ZPasskeyView>;
