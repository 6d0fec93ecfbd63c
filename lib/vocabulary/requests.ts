/** Limits the browser's tRPC client and the API route agree on (no zod: the client loads it at once). */

/**
 * The most procedure calls one batched tRPC request may carry. The client's batch link splits at
 * this size; the route refuses a larger batch (400), so one request cannot queue hundreds of writes.
 */
export const MAX_BATCH_CALLS = 20;
