/** Limits the browser's tRPC client and the API route agree on (no zod: the client loads it at once). */

/**
 * The most procedure calls one batched tRPC request may carry. The client's batch link splits at
 * this size; the route refuses a larger batch (400), so one request cannot queue hundreds of writes.
 */
export const MAX_BATCH_CALLS = 20;

/**
 * The procedures that record a fresh "confirm it's you" and so rotate the session (ASVS 7.2.4): their
 * answer carries the new session cookie. The client sends them alone and unstreamed, because a
 * streamed answer's headers leave before the procedure has run (server/auth/recent-proof.ts).
 */
export const SESSION_ROTATING_PROCEDURES: readonly string[] = [
  "account.confirmIdentity",
  "account.changePassword",
  "twoStep.confirmIdentity",
  "passkey.confirm",
];
