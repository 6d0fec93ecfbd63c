/** The passkey vocabulary the browser loads at once, without zod; `lib/passkey.ts` (the contract) re-exports it. */

export const PASSKEY_NAME_MAX_LENGTH = 60;

/** What the "name it" field starts with, so a person who just presses Enter still gets a useful name. */
export const DEFAULT_PASSKEY_NAME = "My passkey";
