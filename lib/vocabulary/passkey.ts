/** The passkey vocabulary the browser loads at once, without zod; `lib/passkey.ts` (the contract) re-exports it. */

export const PASSKEY_NAME_MAX_LENGTH = 60;
